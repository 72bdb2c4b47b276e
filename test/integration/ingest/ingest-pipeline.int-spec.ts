import { rmSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import { adminEndpoint, integrationDatabaseUrl } from '../../setup/test-database';
import { countRows, makeIngest, openDataSource, row, tempSpoolDir } from './support/ingest-harness';
import { TcpProxy } from './support/tcp-proxy';

// Two days ago, midnight UTC: clear of other files' retention jobs.
const T0 = Math.floor(Date.now() / 86_400_000) * 86_400_000 - 2 * 86_400_000;

describe('IngestService on PostgreSQL', () => {
  let db: DataSource;
  const spoolDirs: string[] = [];
  const spoolDir = () => {
    const d = tempSpoolDir();
    spoolDirs.push(d);
    return d;
  };

  beforeAll(async () => {
    db = await openDataSource(integrationDatabaseUrl());
  });
  afterAll(async () => {
    await db?.destroy();
    for (const d of spoolDirs) rmSync(d, { recursive: true, force: true });
  });

  it('group-commits 20,000 rows from many concurrent writes exactly once, in few statements', async () => {
    const { service } = makeIngest(db, spoolDir());
    const writes = Array.from({ length: 400 }, (_, w) =>
      service.write(
        Array.from({ length: 50 }, (_, i) => row(9100 + (w % 20), T0 + (Math.floor(w / 20) * 50 + i) * 1000)),
      ),
    );
    const acks = await Promise.all(writes);
    expect(acks.reduce((n, a) => n + a.stored, 0)).toBe(20_000);
    expect(acks.every((a) => a.accepted === 50 && a.spooled === 0 && a.rejected === 0)).toBe(true);
    const { statements } = service.stats();
    expect(statements).toBeLessThan(100);
    expect(statements).toBeGreaterThanOrEqual(4); // 5,000 rows a statement at most
    await service.stop();
    expect(await countRows(db, [9100, 9119])).toEqual({ total: 20_000, uniq: 20_000 });
  });

  it('ignores duplicates, within a batch and of rows already stored, and counts them', async () => {
    const { service, registry } = makeIngest(db, spoolDir());
    const rows = Array.from({ length: 100 }, (_, i) => row(9200, T0 + i * 1000));
    await Promise.all([service.write(rows), service.write(rows.slice(0, 50))]);
    await service.write(rows);
    await service.stop();
    expect(await countRows(db, [9200, 9200])).toEqual({ total: 100, uniq: 100 });
    const metrics = await registry.getMetricsAsJSON();
    const value = (name: string) => metrics.find((m) => m.name === name)?.values[0]?.value;
    expect(value('kuzet_ingest_rows_written_total')).toBe(100);
    expect(value('kuzet_ingest_rows_duplicate_total')).toBe(150);
  });

  it('refuses invalid rows up front and stores the rest of the call', async () => {
    const { service } = makeIngest(db, spoolDir());
    const good = row(9300, T0);
    const ack = await service.write([
      good,
      { ...row(9300, T0 + 1000), outcome: 7 as never },
      { ...row(9300, T0 + 2000), latencyMs: Number.NaN },
      { ...row(9300, T0 + 3000), errorClass: 'gremlins' as never },
    ]);
    expect(ack).toEqual({ accepted: 1, rejected: 3, stored: 1, spooled: 0, dropped: 0 });
    await service.stop();
    expect(await countRows(db, [9300, 9300])).toEqual({ total: 1, uniq: 1 });
  });

  it('applies backpressure: with a tiny queue, writers wait for room and all complete', async () => {
    const { service } = makeIngest(db, spoolDir(), { queueMaxRows: 50, batchMaxRows: 20, lingerMs: 5 });
    let maxDepth = 0;
    let waited = 0;
    const writes = Array.from({ length: 40 }, async (_, w) => {
      const started = Date.now();
      const ack = await service.write(
        Array.from({ length: 30 }, (_, i) => row(9400, T0 + (w * 30 + i) * 1000)),
      );
      maxDepth = Math.max(maxDepth, service.queueDepth);
      if (Date.now() > started) waited++;
      return ack;
    });
    const sampler = setInterval(() => (maxDepth = Math.max(maxDepth, service.queueDepth)), 1);
    const acks = await Promise.all(writes);
    clearInterval(sampler);
    expect(acks.reduce((n, a) => n + a.stored, 0)).toBe(1200);
    expect(maxDepth).toBeLessThanOrEqual(50);
    expect(waited).toBeGreaterThan(0);
    await service.stop();
    expect(await countRows(db, [9400, 9400])).toEqual({ total: 1200, uniq: 1200 });
  });

  it('flushes queued rows on shutdown and refuses writes after it', async () => {
    const { service } = makeIngest(db, spoolDir(), { lingerMs: 10_000, batchMaxRows: 5000 });
    const pending = service.write(Array.from({ length: 10 }, (_, i) => row(9500, T0 + i * 1000)));
    await new Promise((r) => setTimeout(r, 20));
    await service.stop();
    expect((await pending).stored).toBe(10);
    await expect(service.write([row(9500, T0 + 99_000)])).rejects.toThrow(/shutting down/);
    expect(await countRows(db, [9500, 9500])).toEqual({ total: 10, uniq: 10 });
  });

  it('replays, after a restart, rows spooled by a previous instance on the same spool folder', async () => {
    const dir = spoolDir();
    const proxy = await TcpProxy.start(adminEndpoint());
    const cutDb = await openDataSource(proxy.urlFor(integrationDatabaseUrl()));
    try {
      proxy.block();
      const first = makeIngest(cutDb, dir, { probeInitialMs: 60_000 });
      const acks = await Promise.all(
        Array.from({ length: 10 }, (_, w) =>
          first.service.write(Array.from({ length: 100 }, (_, i) => row(9600, T0 + (w * 100 + i) * 1000))),
        ),
      );
      expect(acks.reduce((n, a) => n + a.spooled, 0)).toBe(1000);
      expect(first.service.stats()).toMatchObject({ mode: 'degraded', spooledRows: 1000 });
      await first.service.stop(); // the process goes away with the rows on disk
      expect(await countRows(db, [9600, 9600])).toEqual({ total: 0, uniq: 0 });

      const second = makeIngest(db, dir);
      expect(second.service.stats().mode).toBe('degraded'); // replays before any direct write
      const ack = await second.service.write([row(9600, T0 + 5_000_000)]);
      expect(ack.stored + ack.spooled).toBe(1);
      await second.service.stop();
      expect(second.service.stats().spooledRows).toBe(0);
      expect(await countRows(db, [9600, 9600])).toEqual({ total: 1001, uniq: 1001 });
    } finally {
      await cutDb.destroy().catch(() => undefined);
      await proxy.close();
    }
  });
});
