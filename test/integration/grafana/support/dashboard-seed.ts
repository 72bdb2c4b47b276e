import type { SqlExecutor } from '../../../../apps/api/src/database/sql-executor';
import { readStorageMode } from '../../../../apps/api/src/database/storage-mode';
import { buildPlainRollupUpsert } from '../../../../apps/api/src/timeseries/rollup-sql';

const HOUR = 3_600_000;

/**
 * What the dashboard figures are checked against: agencies nit (systems gateway, portal) and mju
 * (registry), one check each, twelve results two hours before `now` and one open incident.
 * Good (up + degraded) over counted (total - unknown): gateway 3/4, portal 3/3 (one unknown),
 * registry 4/4; so nit 6/7, mju 4/4, national 10/11.
 */
export async function seedDashboardData(db: SqlExecutor, now: number): Promise<void> {
  const id = async (sql: string, params: unknown[]) => Number((await db.query<{ id: number }>(sql, params))[0].id);
  const agencies: Record<string, number> = {};
  for (const code of ['nit', 'mju'])
    agencies[code] = await id(`INSERT INTO agencies (code, name_kk, name_ru, name_en) VALUES ($1, $1, $1, $1 || ' en') RETURNING id`, [code]);
  const systems: Record<string, number> = {};
  const checks: Record<string, number> = {};
  for (const [code, agency, tier] of [
    ['gateway', 'nit', 'critical'],
    ['portal', 'nit', 'high'],
    ['registry', 'mju', 'normal'],
  ]) {
    systems[code] = await id(
      `INSERT INTO systems (agency_id, code, tier, name_kk, name_ru, name_en) VALUES ($1, $2, $3, $2, $2, $2) RETURNING id`,
      [agencies[agency], code, tier],
    );
    checks[code] = await id(
      `INSERT INTO checks (system_id, code, key, kind, target, interval_s, timeout_s, regions)
       VALUES ($1, 'web', $2, 'http', 'https://example.kz', 30, 10, '{almaty}') RETURNING id`,
      [systems[code], `${code}/web`],
    );
  }
  const t = Math.floor((now - 2 * HOUR) / HOUR) * HOUR + 60_000;
  const outcomes: [string, number][] = [
    ['gateway', 0], ['gateway', 0], ['gateway', 0], ['gateway', 2],
    ['portal', 0], ['portal', 0], ['portal', 1], ['portal', 3],
    ['registry', 0], ['registry', 0], ['registry', 0], ['registry', 0],
  ];
  for (const [i, [system, outcome]] of outcomes.entries())
    await db.query(
      `INSERT INTO check_results (time, check_id, region, outcome, latency_ms, status_code, error_class) VALUES ($1, $2, 'almaty', $3, $4, 200, NULL)`,
      [new Date(t + i * 30_000), checks[system], outcome, 100 + i],
    );
  await db.query(
    `INSERT INTO incidents (system_id, agency_id, kind, status, severity, state, public_state, opened_at, last_failure_at, title_kk, title_ru, title_en, open_key)
     VALUES ($1, $2, 'root', 'major_outage', 'sev1', 'open', 'investigating', $3, $3, 'k', 'r', 'Gateway down', 'gateway')`,
    [systems.gateway, agencies.nit, new Date(t)],
  );
  // Plain PostgreSQL: the rollup job's own upsert fills the hourly table. TimescaleDB's
  // continuous aggregates are real-time (materialized_only = false) and answer without a refresh.
  if ((await readStorageMode(db)) === 'postgresql')
    await db.query(buildPlainRollupUpsert('1h'), [new Date(t - HOUR), new Date(t + 2 * HOUR)]);
}
