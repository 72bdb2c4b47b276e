// The client side of the fan-out benchmark, in its own process (forked by fanout.bench.ts) so the
// clients' CPU does not count against the server's event loop. Connects N socket.io clients
// (websocket transport) to /public, then, for every round the parent announces, reports when each
// client received that round's incident event (wall clock, performance.timeOrigin + now()).
import { performance } from 'node:perf_hooks';
import { io, Socket } from 'socket.io-client';

interface Start {
  kind: 'start';
  url: string;
  clients: number;
}
interface Round {
  kind: 'round';
  round: number;
}
type Message = Start | Round | { kind: 'stop' };

const wall = () => performance.timeOrigin + performance.now();
const send = (m: unknown) => process.send?.(m);

let sockets: Socket[] = [];
/** round -> receipt time per client (NaN until received) */
const receipts = new Map<number, { times: number[]; left: number }>();

function record(round: number, index: number): void {
  const t = wall();
  const r = receipts.get(round);
  if (!r || !Number.isNaN(r.times[index])) return;
  r.times[index] = t;
  if (--r.left === 0) {
    receipts.delete(round);
    send({ kind: 'received', round, times: r.times });
  }
}

function connectOne(url: string, index: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
    socket.on('incident.updated', (event: { data: { id: number } }) => record(event.data.id, index));
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function start(m: Start): Promise<void> {
  const started = wall();
  const BATCH = 100;
  for (let i = 0; i < m.clients; i += BATCH) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(BATCH, m.clients - i) }, (_, j) => connectOne(m.url, i + j)),
    );
    sockets = sockets.concat(batch);
  }
  send({ kind: 'ready', clients: sockets.length, connect_ms: Math.round(wall() - started) });
}

process.on('message', (m: Message) => {
  if (m.kind === 'start') start(m).catch((e: unknown) => send({ kind: 'error', error: String(e) }));
  else if (m.kind === 'round') {
    receipts.set(m.round, { times: new Array<number>(sockets.length).fill(NaN), left: sockets.length });
    send({ kind: 'armed', round: m.round });
  } else if (m.kind === 'stop') {
    for (const s of sockets) s.disconnect();
    setTimeout(() => process.exit(0), 100);
  }
});
