import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { DiskSpool } from '@kuzet/spool';
import type { MetricsRegistry } from '../metrics/metrics-registry.service';
import { CheckOutcome } from '../timeseries/check-outcome';
import type { CheckResultRow } from '../timeseries/check-result';
import { IngestMetrics } from './ingest-metrics';
import type { IngestStore } from './ingest-store';
import { IngestTimers } from './ingest-timers';
import { IngestService } from './ingest.service';
import type { SpooledCheckResult } from './spooled-check-result';

const row = (checkId: number, n: number): CheckResultRow => ({
  time: new Date(1_700_000_000_000 + n * 1000),
  checkId,
  region: 'almaty',
  outcome: CheckOutcome.Up,
  latencyMs: 1,
  statusCode: 200,
  errorClass: null,
});

/** A store that refuses rows of check 666 as a constraint violation, and can be "down". */
class FakeStore {
  stored: CheckResultRow[] = [];
  statements = 0;
  down = false;
  async insert(rows: readonly CheckResultRow[]): Promise<number> {
    this.statements++;
    if (this.down) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    if (rows.some((r) => r.checkId === 666))
      throw Object.assign(new Error('violates check'), { code: '23514' });
    this.stored.push(...rows);
    return rows.length;
  }
  async ping(): Promise<void> {
    if (this.down) throw new Error('down');
  }
}

describe('IngestService (fake store)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'kuzet-ingest-unit-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const make = (store: FakeStore) =>
    new IngestService(
      store as unknown as IngestStore,
      new DiskSpool<SpooledCheckResult>(dir),
      new IngestMetrics({ registry: new Registry() } as MetricsRegistry),
      new IngestTimers(),
      { probeInitialMs: 10, probeMaxMs: 20, lingerMs: 5 },
    );

  it('drops only the rows the database refuses as bad data, and stores the rest of the batch', async () => {
    const store = new FakeStore();
    const service = make(store);
    const [good, mixed] = await Promise.all([
      service.write([row(1, 0), row(1, 1)]),
      service.write([row(2, 0), row(666, 0), row(2, 1)]),
    ]);
    expect(good).toMatchObject({ accepted: 2, stored: 2, dropped: 0 });
    expect(mixed).toMatchObject({ accepted: 3, stored: 2, dropped: 1 });
    expect(store.stored.map((r) => r.checkId).sort()).toEqual([1, 1, 2, 2]);
    await service.write([row(3, 0)]); // the pipeline is not poisoned
    expect(store.stored).toHaveLength(5);
    await service.stop();
  });

  it('spools while the database is down, then replays in order before new direct writes', async () => {
    const store = new FakeStore();
    const service = make(store);
    store.down = true;
    const acks = await Promise.all([service.write([row(1, 0)]), service.write([row(1, 1)])]);
    expect(acks.map((a) => a.spooled)).toEqual([1, 1]);
    expect(service.stats().mode).toBe('degraded');
    store.down = false;
    while (service.stats().mode !== 'direct') await new Promise((r) => setTimeout(r, 5));
    await service.write([row(1, 2)]);
    expect(store.stored.map((r) => r.time.getTime() - 1_700_000_000_000)).toEqual([0, 1000, 2000]);
    await service.stop();
  });
});
