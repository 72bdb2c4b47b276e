import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pino from 'pino';
import { startSimulator, SimulatorHandle } from '@kuzet/simulator';
import { SloService } from '../../../apps/api/src/uptime/slo.service';
import { createAuthApp } from '../auth/support/auth-test-app';
import { createDedicatedDatabase, openDataSource } from '../ingest/support/ingest-harness';

const TOKEN = 'scrape-token-0123456789abcdef';
/**
 * The most series one node's /metrics may expose in the demo, whatever the number of checks: what
 * grows is bounded by agencies, regions, agents, channels and background jobs, never by checks or
 * systems (measured: 238 to 240 with the 37-system, 148-check demo fleet).
 */
const MAX_SERIES = 400;

/** Sample lines of a scrape (series), by metric family (histogram parts folded into their family). */
function seriesByFamily(body: string): Map<string, number> {
  const families = new Map<string, number>();
  for (const line of body.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const name = line.replace(/[{ ].*$/, '').replace(/_(bucket|sum|count)$/, '');
    families.set(name, (families.get(name) ?? 0) + 1);
  }
  return families;
}

const total = (families: Map<string, number>) => [...families.values()].reduce((a, b) => a + b, 0);

/** The whole app on the simulated demo fleet (37 systems), probing it with the embedded agent. */
async function startDemo(settings: Record<string, string>) {
  const tmp = mkdtempSync(path.join(tmpdir(), 'kuzet-cardinality-'));
  const catalogDir = path.join(tmp, 'catalog');
  const db = await createDedicatedDatabase();
  const ds = await openDataSource(db.url);
  let sim: SimulatorHandle | undefined;
  let app: NestFastifyApplication | undefined;
  const close = async () => {
    await app?.close();
    await sim?.stop();
    await ds.destroy();
    await db.drop();
    rmSync(tmp, { recursive: true, force: true });
  };
  try {
    sim = await startSimulator({ catalogDir, controlPort: 0, intervalS: 2, logger: pino({ level: 'silent' }) });
    app = await createAuthApp(db.url, {
      KUZET_CATALOG_DIR: catalogDir,
      KUZET_DATA_DIR: path.join(tmp, 'data'),
      KUZET_EMBEDDED_AGENT: 'true',
      KUZET_MIN_INTERVAL_S: '1',
      KUZET_PROBE_ALLOW: '127.0.0.0/8',
      KUZET_METRICS_TOKEN: TOKEN,
      ...settings,
    });
    // Nearly every probed check has results (a few demo checks run slowly), so every per-region and per-outcome series exists.
    const deadline = Date.now() + 120_000;
    for (;;) {
      const [row] = (await ds.query(
        `SELECT (SELECT count(*) FROM checks WHERE enabled AND kind <> 'heartbeat')::int AS checks,
                (SELECT count(DISTINCT check_id) FROM check_results)::int AS probed`,
      )) as { checks: number; probed: number }[];
      if (row.checks > 0 && row.probed >= 0.9 * row.checks) break;
      if (Date.now() > deadline) throw new Error(`only ${row.probed} of ${row.checks} checks have results`);
      await new Promise((r) => setTimeout(r, 500));
    }
    await app.get(SloService).list();
    const scrape = async () => (await app!.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })).body;
    const systems = Number(((await ds.query('SELECT count(*)::int AS n FROM systems')) as { n: number }[])[0].n);
    return { scrape, systems, sim, close };
  } catch (error) {
    await close();
    throw error;
  }
}

describe('/metrics series count in the demo (37 systems, embedded agent, real PostgreSQL)', () => {
  it(`stays under ${MAX_SERIES} series, with no per-system burn rate by default`, async () => {
    const demo = await startDemo({});
    try {
      expect(demo.systems).toBe(37);
      const families = seriesByFamily(await demo.scrape());
      const count = total(families);
      // The figure quoted in docs/operations.md.
      process.stdout.write(`[cardinality] ${count} series; kuzet_slo_burn_rate ${families.get('kuzet_slo_burn_rate')}\n`);
      expect(count).toBeLessThanOrEqual(MAX_SERIES);
      // 15 agencies x 5 windows, not 37 systems x 5.
      expect(families.get('kuzet_slo_burn_rate')).toBe(15 * 5);
      for (const family of ['kuzet_probe_result_lag_seconds', 'kuzet_check_results_total', 'kuzet_ingest_batch_rows', 'kuzet_health_ok'])
        expect(families.get(family)).toBeGreaterThan(0);
    } finally {
      await demo.close();
    }
  }, 240_000);
});
