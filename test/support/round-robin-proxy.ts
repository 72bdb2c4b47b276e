import { createConnection, createServer, type Socket } from 'node:net';

export interface RoundRobinProxy {
  port: number;
  url: string;
  close: () => Promise<void>;
}

/**
 * A loopback TCP load balancer (127.0.0.1 only) in front of several API nodes, as a deployment
 * puts one in front of them: each new connection goes to the next node in turn, and a node that
 * refuses the connection (it died) is skipped for the next one. Bytes pass unchanged.
 */
export async function startRoundRobinProxy(targetPorts: readonly number[]): Promise<RoundRobinProxy> {
  const open = new Set<Socket>();
  let next = 0;
  const connect = (client: Socket, tried: number) => {
    if (tried >= targetPorts.length) return client.destroy();
    const port = targetPorts[next++ % targetPorts.length];
    const upstream = createConnection({ host: '127.0.0.1', port });
    let connected = false;
    upstream.once('connect', () => {
      connected = true;
      open.add(upstream);
      upstream.on('close', () => {
        open.delete(upstream);
        client.destroy();
      });
      client.on('close', () => upstream.destroy());
      client.pipe(upstream).pipe(client);
      client.resume();
    });
    upstream.on('error', () => {
      if (!connected) connect(client, tried + 1);
    });
  };
  const server = createServer({ pauseOnConnect: true }, (client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('error', () => undefined);
    connect(client, 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('proxy has no port');
  return {
    port: address.port,
    url: `http://127.0.0.1:${address.port}`,
    close: async () => {
      for (const s of open) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
