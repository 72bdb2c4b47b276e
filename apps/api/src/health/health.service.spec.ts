import type { SqlExecutor } from '../database/sql-executor';
import type { StorageModeService } from '../database/storage-mode.service';
import type { BackgroundJobsService } from './background-jobs.service';
import { HealthClock } from './health-clock';
import { HealthService } from './health.service';
import type { OutboxBacklogRepository } from './outbox-backlog.repository';
import type { ProbingActivityRepository } from './probing-activity.repository';

describe('HealthService database facts', () => {
  const clock = new (class extends HealthClock {
    t = Date.UTC(2026, 11, 3, 12, 0, 0);
    override now() {
      return this.t;
    }
  })();
  let queries: number;
  let dbUp: boolean;
  let release: (() => void) | undefined;

  const service = () => {
    queries = 0;
    dbUp = true;
    const db = {
      query: jest.fn(async () => {
        queries++;
        if (release) await new Promise<void>((r) => (release = r));
        if (!dbUp) throw new Error('connection refused');
        return [{ v: '15.0' }];
      }),
    } as unknown as SqlExecutor;
    const storage = { getMode: () => 'postgresql', getTimescaleVersion: () => null } as unknown as StorageModeService;
    const probing = { activity: jest.fn(async () => ({ checks: 0, minIntervalS: null, lastResultAt: null })) } as unknown as ProbingActivityRepository;
    const jobs = { health: jest.fn(async () => ({ ok: true, source: 'process', jobs: [] })) } as unknown as BackgroundJobsService;
    const outbox = { backlog: jest.fn(async () => ({ unsent: 0, oldestDueS: null })) } as unknown as OutboxBacklogRepository;
    return new HealthService(storage, db, clock, probing, jobs, outbox);
  };

  it('reads the database once per second whatever the request rate', async () => {
    const health = service();
    for (let i = 0; i < 20; i++) await health.report();
    expect(queries).toBe(1);
    clock.t += 1_001;
    await health.report(); // answered from the facts, a refresh runs behind
    await health.report();
    expect(queries).toBe(2);
  });

  it('answers stale facts while a refresh runs, and waits for the database once they are too old', async () => {
    const health = service();
    await health.report();
    dbUp = false;
    release = () => undefined; // the next query hangs until released
    clock.t += 2_000;
    const stale = await health.report();
    expect(stale.database.ok).toBe(true); // not waiting for the hung query
    const hung = release;
    release = undefined;
    hung!();
    await new Promise((r) => setImmediate(r));
    clock.t += 1_001;
    const fresh = await health.report();
    expect(fresh.database.ok).toBe(false);
    await new Promise((r) => setImmediate(r)); // the refresh that answer started ends
    clock.t += 10_000;
    dbUp = true;
    const waited = await health.report(); // facts over 5 s old: read before answering
    expect(waited.database.ok).toBe(true);
    expect(waited.database.checked_at).toBe(new Date(clock.t).toISOString());
  });
});
