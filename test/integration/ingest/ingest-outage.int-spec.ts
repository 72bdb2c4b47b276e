import { rmSync } from 'node:fs';
import type { IngestAck } from '../../../apps/api/src/ingest/ingest-ack';
import {
  countRows,
  createDedicatedDatabase,
  makeIngest,
  openDataSource,
  row,
  tempSpoolDir,
} from './support/ingest-harness';
import { TcpProxy } from './support/tcp-proxy';
import { adminEndpoint } from '../../setup/test-database';

const CHECKS = 50;
const RUNS = 60;
const INTERVAL_MS = 1000;
const CUT_FROM_RUN = 10;
const CUT_TO_RUN = 40;
const FIRST_CHECK = 1;
// Planned times are deterministic: run r of every check at T0 + r s (two days ago, midnight UTC).
const T0 = Math.floor(Date.now() / 86_400_000) * 86_400_000 - 2 * 86_400_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('IngestService through a 30 s database outage', () => {
  it(`stores exactly ${CHECKS} checks x ${RUNS} runs once, none lost, none doubled`, async () => {
    const database = await createDedicatedDatabase();
    const proxy = await TcpProxy.start(adminEndpoint());
    const spoolDir = tempSpoolDir();
    const direct = await openDataSource(database.url);
    const proxied = await openDataSource(proxy.urlFor(database.url));
    const { service, registry } = makeIngest(proxied, spoolDir, { probeInitialMs: 250, probeMaxMs: 2000 });
    try {
      const acks: Promise<IngestAck>[] = [];
      const modes: string[] = [];
      const started = Date.now();
      for (let run = 0; run < RUNS; run++) {
        if (run === CUT_FROM_RUN) proxy.block();
        if (run === CUT_TO_RUN) proxy.unblock();
        // Each check reports on its own, as probe results arrive.
        for (let c = 0; c < CHECKS; c++)
          acks.push(service.write([row(FIRST_CHECK + c, T0 + run * INTERVAL_MS)]));
        modes.push(service.stats().mode);
        await sleep(Math.max(0, started + (run + 1) * INTERVAL_MS - Date.now()));
      }
      const settled = await Promise.all(acks);
      // Every write resolved durable: stored directly, or spooled during the cut.
      expect(settled.every((a) => a.accepted === 1 && a.stored + a.spooled === 1)).toBe(true);
      const spooled = settled.reduce((n, a) => n + a.spooled, 0);
      expect(spooled).toBeGreaterThan(CHECKS * 20); // most of the 30 s cut went to the spool
      expect(modes.slice(CUT_FROM_RUN + 2, CUT_TO_RUN)).toEqual(
        Array(CUT_TO_RUN - CUT_FROM_RUN - 2).fill('degraded'),
      );

      // Recovery: the health probe sees the database, the spool is replayed, direct writes resume.
      const deadline = Date.now() + 15_000;
      while (service.stats().mode !== 'direct' || service.stats().spooledRows > 0) {
        if (Date.now() > deadline) throw new Error(`no recovery: ${JSON.stringify(service.stats())}`);
        await sleep(100);
      }
      await service.stop();
      expect(await countRows(direct, [FIRST_CHECK, FIRST_CHECK + CHECKS - 1])).toEqual({
        total: CHECKS * RUNS,
        uniq: CHECKS * RUNS,
      });
      const metrics = await registry.getMetricsAsJSON();
      const value = (name: string) => metrics.find((m) => m.name === name)?.values[0]?.value;
      expect(value('kuzet_ingest_rows_spooled_total')).toBe(spooled);
      expect(value('kuzet_ingest_rows_replayed_total')).toBe(spooled);
      expect(proxy.connectionsRefused).toBeGreaterThan(0);
    } finally {
      await service.stop().catch(() => undefined);
      await proxied.destroy().catch(() => undefined);
      await direct.destroy().catch(() => undefined);
      await proxy.close();
      await database.drop();
      rmSync(spoolDir, { recursive: true, force: true });
    }
  }, 110_000);
});
