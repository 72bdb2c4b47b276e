// The pipeline benchmark's HTTP target, run as its own process (`node target-server.js <ports>`):
// one plain node:http server per port on 127.0.0.1 (ports chosen by the OS), each answering every
// request 200 with a 2-byte body. One process, no cluster: it shares the 2 cores with the app, and
// its CPU is measured separately. Prints one JSON line {"event":"target.ready","ports":[...]}.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const BODY = Buffer.from('ok');

function listen(): Promise<Server> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': BODY.length });
    res.end(BODY);
  });
  server.keepAliveTimeout = 5_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () => resolve(server));
  });
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 1);
  if (!Number.isInteger(count) || count < 1 || count > 1024) throw new Error(`port count must be 1..1024, got ${process.argv[2]}`);
  const servers = await Promise.all(Array.from({ length: count }, listen));
  const ports = servers.map((s) => (s.address() as AddressInfo).port);
  console.log(JSON.stringify({ event: 'target.ready', ports }));
  const stop = () => {
    for (const s of servers) s.close();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('disconnect', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
