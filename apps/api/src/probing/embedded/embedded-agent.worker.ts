import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { AgentLogger, emptySkipCounts, ProbeAgentRuntime, SkipCounts } from '@kuzet/checks';
import type { ResultRecord } from '@kuzet/contracts';
import type { EmbeddedWorkerData, FromWorker, ToWorker } from './embedded-agent.messages';

/**
 * The embedded probe agent's worker thread: a ProbeAgentRuntime off the API's event loop. Takes
 * assignments, sends result batches (each acknowledged by the main thread once ingest took it, so
 * the batcher's one-at-a-time order and backpressure hold), and a batch of lag observations and
 * skip counts every second. On 'stop' it stops runs in flight, flushes and says 'stopped'.
 */
const port = parentPort!;
const data = workerData as EmbeddedWorkerData;
const post = (message: FromWorker) => port.postMessage(message);

const logger: AgentLogger = {
  info: (obj, msg) => post({ type: 'log', level: 'info', obj, msg }),
  warn: (obj, msg) => post({ type: 'log', level: 'warn', obj, msg }),
  error: (obj, msg) => post({ type: 'log', level: 'error', obj, msg }),
};

let lags: number[] = [];
let skipped: SkipCounts = emptySkipCounts();
let refused = 0;
let seq = 0;
const acks = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();

const runtime = new ProbeAgentRuntime({
  agentId: data.agentId,
  logger,
  minIntervalMs: data.minIntervalMs,
  maxBatch: data.maxBatch,
  recheck: { delayMs: data.recheckDelayMs },
  onLag: (lagMs) => void lags.push(lagMs),
  onSkip: (_check, _plannedAt, reason) => void skipped[reason]++,
  onCheckRefused: () => void refused++,
  sink: {
    submit: (batch: ResultRecord[]) =>
      new Promise<void>((resolve, reject) => {
        const n = ++seq;
        acks.set(n, { resolve, reject });
        post({ type: 'results', seq: n, batch });
      }),
  },
});

function sendObservations(): void {
  const heap = getHeapStatistics();
  post({ type: 'observations', lagsMs: lags, skipped, refused, state: runtime.state(), heap: { usedBytes: heap.used_heap_size, totalBytes: heap.total_heap_size } });
  lags = [];
  skipped = emptySkipCounts();
  refused = 0;
}

const observations = setInterval(sendObservations, data.observationsIntervalMs);

async function stop(): Promise<void> {
  clearInterval(observations);
  await runtime.stop();
  sendObservations();
  post({ type: 'stopped' });
  port.close();
}

let started = false;
port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'assignment':
      try {
        runtime.setAssignment(message.assignment);
      } catch (error) {
        post({ type: 'assignment_refused', error: error instanceof Error ? error.message : String(error) });
        return;
      }
      if (!started) {
        started = true;
        runtime.start();
      }
      return;
    case 'ack': {
      const waiting = acks.get(message.seq);
      acks.delete(message.seq);
      if (message.error === undefined) waiting?.resolve();
      else waiting?.reject(new Error(message.error));
      return;
    }
    case 'stop':
      void stop();
      return;
  }
});

post({ type: 'ready' });
