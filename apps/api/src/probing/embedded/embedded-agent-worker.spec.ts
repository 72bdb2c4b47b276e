import { Worker } from 'node:worker_threads';
import type { ResultRecord } from '@kuzet/contracts';
import { EmbeddedAgentWorker, WORKER_RESTART_MIN_MS } from './embedded-agent-worker';
import type { EmbeddedWorkerData } from './embedded-agent.messages';

const data: EmbeddedWorkerData = { agentId: 'embedded', minIntervalMs: 1000, recheckDelayMs: 0, observationsIntervalMs: 1000, maxBatch: 250 };

/** A stand-in worker thread (plain JS): sends one result batch, waits for its ack, then crashes. */
const CRASHING = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (m) => {
  if (m.type === 'assignment') parentPort.postMessage({ type: 'results', seq: 1, batch: [{ check_id: m.assignment.checks.length }] });
  if (m.type === 'ack') throw new Error('boom after ack ' + m.seq);
});
parentPort.postMessage({ type: 'ready' });
`;

/** Stops when asked, after reporting its last observations. */
const POLITE = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (m) => {
  if (m.type !== 'stop') return;
  parentPort.postMessage({ type: 'observations', lagsMs: [3, 4], skipped: { overlap: 0, missed: 0, expired: 2, starved: 1 }, refused: 0, state: { checks: 1 } });
  parentPort.postMessage({ type: 'stopped' });
});
parentPort.postMessage({ type: 'ready' });
`;

/** Ignores 'stop' entirely (a thread stuck in a long synchronous job). */
const STUCK = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', () => undefined);
`;

const assignment = { revision: 'r', region: 'local', agent_id: 'embedded', checks: [{}, {}, {}], probe_allow: [], canaries: [], agent_ttl_s: 20 };

function host(code: string) {
  const batches: ResultRecord[][] = [];
  const observations: unknown[] = [];
  let restarts = 0;
  const worker = new EmbeddedAgentWorker({
    data,
    onResults: async (b) => void batches.push(b),
    onObservations: (o) => void observations.push(o),
    onRestart: () => void restarts++,
    start: () => new Worker(code, { eval: true }),
  });
  return { worker, batches, observations, restarts: () => restarts };
}

const waitUntil = async (what: string, ok: () => boolean, ms = 10_000) => {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('EmbeddedAgentWorker', () => {
  it('sends the assignment when the thread is ready, stores its batches, and restarts it with backoff after a crash', async () => {
    const t = host(CRASHING);
    t.worker.setAssignment(assignment as never);
    t.worker.start();
    await waitUntil('the first batch', () => t.batches.length === 1);
    expect(t.batches[0]).toEqual([{ check_id: 3 }]);
    await waitUntil('the crash', () => !t.worker.status().running);
    expect(t.worker.status()).toEqual({ running: false, restarts: 0, lastExit: 'boom after ack 1' });
    const crashedAt = Date.now();
    // Restarted after the backoff, given the assignment again: it sends (and crashes) again.
    await waitUntil('the restart', () => t.batches.length === 2);
    expect(Date.now() - crashedAt).toBeGreaterThanOrEqual(WORKER_RESTART_MIN_MS - 50);
    expect(t.restarts()).toBe(1);
    expect(t.worker.status().restarts).toBe(1);
    await t.worker.stop(1_000);
  });

  it('stop() waits for the thread to report and say stopped, then ends it; no restart follows', async () => {
    const t = host(POLITE);
    t.worker.start();
    await new Promise((r) => setTimeout(r, 100));
    await t.worker.stop(5_000);
    expect(t.observations).toHaveLength(1);
    expect(t.worker.state()).toEqual({ checks: 1 });
    expect(t.worker.status().running).toBe(false);
    await new Promise((r) => setTimeout(r, WORKER_RESTART_MIN_MS + 200));
    expect(t.restarts()).toBe(0);
  });

  it('stop() terminates a thread that does not stop within the grace period', async () => {
    const t = host(STUCK);
    t.worker.start();
    const started = Date.now();
    await t.worker.stop(300);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(t.worker.status().running).toBe(false);
  });
});
