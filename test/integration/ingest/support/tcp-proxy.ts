import { createServer, Server, Socket, connect } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 in front of PostgreSQL, to cut "the database" off for one client
 * without touching the shared server: block() destroys every proxied connection and refuses
 * new ones (accepted, then destroyed at once) until unblock().
 */
export class TcpProxy {
  private readonly sockets = new Set<Socket>();
  private blocked = false;
  connectionsRefused = 0;

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  /** In front of `target`: the run's database server is `adminEndpoint()` (test-database.ts). */
  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const { host: targetHost, port: targetPort } = target;
    const holder: { proxy?: TcpProxy } = {};
    const server = createServer((client) => {
      if (holder.proxy) holder.proxy.accept(client, targetPort, targetHost);
      else client.destroy();
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('proxy has no port');
    holder.proxy = new TcpProxy(server, address.port);
    return holder.proxy;
  }

  /** `url` with its host and port pointing at this proxy. */
  urlFor(url: string): string {
    const u = new URL(url);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  block(): void {
    this.blocked = true;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  unblock(): void {
    this.blocked = false;
  }

  async close(): Promise<void> {
    this.block();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket, targetPort: number, targetHost: string): void {
    if (this.blocked) {
      this.connectionsRefused++;
      client.destroy();
      return;
    }
    const upstream = connect(targetPort, targetHost);
    this.sockets.add(client);
    this.sockets.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  }
}
