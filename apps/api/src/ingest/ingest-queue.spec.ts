import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CheckOutcome } from '../timeseries/check-outcome';
import type { CheckResultRow } from '../timeseries/check-result';
import { InvalidCheckResultError } from '../timeseries/timeseries.errors';
import { checkResultProblem } from './check-result-validator';
import { IngestQueue } from './ingest-queue';
import { IngestTimers } from './ingest-timers';
import { IngestWriteTimeoutError } from './ingest.errors';
import { fromSpooled, toSpooled } from './spooled-check-result';
import { classifyWriteError } from './write-error-kind';

const row = (n: number): CheckResultRow => ({
  time: new Date(1_700_000_000_000 + n * 1000),
  checkId: 1,
  region: 'almaty',
  outcome: CheckOutcome.Up,
  latencyMs: 12.5,
  statusCode: 200,
  errorClass: null,
});
const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => row(from + i));

describe('IngestQueue', () => {
  it('keeps no reference to rows once they are taken (they are garbage once written)', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const q = new IngestQueue<string>(100, new IngestTimers());
    let taken: CheckResultRow[] | undefined = rows(0, 3);
    const ref = new WeakRef(taken);
    await q.put(taken, 'a');
    await q.put(rows(3, 1), 'b');
    expect(q.take(3).map((s) => s.rows)).toEqual([taken]);
    taken = undefined;
    await new Promise((resolve) => setImmediate(resolve)); // WeakRef targets are kept to the end of the job
    gc();
    expect(ref.deref()).toBeUndefined();
    expect(q.take(5).map((s) => [s.owner, s.rows.length])).toEqual([['b', 1]]);
  });

  it('hands out rows of many calls in order, splitting a call across batches', async () => {
    const q = new IngestQueue<string>(100, new IngestTimers());
    await q.put(rows(0, 3), 'a');
    await q.put(rows(3, 4), 'b');
    const first = q.take(5);
    expect(first.map((s) => [s.owner, s.rows.length])).toEqual([
      ['a', 3],
      ['b', 2],
    ]);
    expect(q.depth).toBe(2);
    expect(q.take(5).map((s) => [s.owner, s.rows.length])).toEqual([['b', 2]]);
  });

  it('makes put wait for room when full (backpressure), and enqueues a call larger than the queue in parts', async () => {
    const q = new IngestQueue<string>(10, new IngestTimers());
    let done = false;
    const big = q.put(rows(0, 25), 'big').then(() => (done = true));
    await Promise.resolve();
    expect(q.depth).toBe(10);
    expect(done).toBe(false);
    const taken: number[] = [];
    while (!done || q.depth > 0) {
      taken.push(...q.take(4).flatMap((s) => s.rows.map((r) => r.time.getTime())));
      await new Promise((r) => setImmediate(r));
    }
    await big;
    expect(taken).toEqual(rows(0, 25).map((r) => r.time.getTime()));
  });

  it('wakes the writer when enough rows wait, or after the linger', async () => {
    const q = new IngestQueue<string>(100, new IngestTimers());
    const t0 = Date.now();
    await q.waitForRows(1, 20);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(15);
    const waiting = q.waitForRows(5);
    await q.put(rows(0, 5), 'x');
    await waiting;
  });

  it('refuses puts after close', async () => {
    const q = new IngestQueue<string>(1, new IngestTimers());
    await q.put(rows(0, 1), 'a');
    const blocked = q.put(rows(1, 1), 'b');
    q.close();
    await expect(blocked).rejects.toThrow(/shutting down/);
  });
});

describe('ingest helpers', () => {
  it('validates rows before queueing', () => {
    expect(checkResultProblem(row(0))).toBeNull();
    expect(checkResultProblem({ ...row(0), outcome: 4 as never })).toMatch(/outcome/);
    expect(checkResultProblem({ ...row(0), latencyMs: Infinity })).toMatch(/latency/);
    expect(checkResultProblem({ ...row(0), errorClass: 'nope' as never })).toMatch(/error class/);
    expect(checkResultProblem({ ...row(0), time: new Date(NaN) })).toMatch(/time/);
    expect(checkResultProblem({ ...row(0), checkId: 1.5 })).toMatch(/checkId/);
  });

  it('round-trips a row through its spool form', () => {
    const r = { ...row(3), errorClass: 'timeout' as const, latencyMs: null, recheck: true };
    expect(fromSpooled(JSON.parse(JSON.stringify(toSpooled(r))))).toEqual(r);
    // a spool line written before rechecks existed has seven fields
    const old = toSpooled(r).slice(0, 7) as ReturnType<typeof toSpooled>;
    expect(fromSpooled(old)).toEqual({ ...r, recheck: false });
  });

  it('tells bad data from an unavailable database', () => {
    expect(classifyWriteError(Object.assign(new Error('check'), { code: '23514' }))).toBe('data');
    expect(classifyWriteError(Object.assign(new Error('range'), { driverError: { code: '22008' } }))).toBe(
      'data',
    );
    expect(classifyWriteError(new InvalidCheckResultError('bad'))).toBe('data');
    expect(classifyWriteError(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))).toBe(
      'unavailable',
    );
    expect(classifyWriteError(new Error('Connection terminated unexpectedly'))).toBe('unavailable');
    expect(classifyWriteError(Object.assign(new Error('shutdown'), { code: '57P01' }))).toBe('unavailable');
    expect(classifyWriteError(new IngestWriteTimeoutError('slow'))).toBe('unavailable');
  });
});
