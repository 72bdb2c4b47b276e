import { randomBytes } from 'node:crypto';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { ScheduleModule } from '@nestjs/schedule';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { loadAppConfig } from '../../../apps/api/src/config/app-config';
import { ConfigModule } from '../../../apps/api/src/config/config.module';
import { MetricsModule } from '../../../apps/api/src/metrics/metrics.module';
import { MetricsRegistry } from '../../../apps/api/src/metrics/metrics-registry.service';
import { SloService } from '../../../apps/api/src/uptime/slo.service';
import { inTransaction } from '../../../apps/api/src/database/sql-executor';
import { refreshPlainRollup } from '../../../apps/api/src/timeseries/plain-rollup';
import { UptimeService } from '../../../apps/api/src/uptime/uptime.service';
import { createDedicatedDatabase } from '../ingest/support/ingest-harness';
import { UptimeModule } from '../../../apps/api/src/uptime/uptime.module';
import { AuthModule } from '../../../apps/api/src/auth/auth.module';
import { signedInAdmin, SignedIn } from '../../support/auth-helpers';

const MIN = 60_000;
const HOUR = 60 * MIN;
/** 2026-01-10 00:00 Asia/Almaty (UTC+5). */
const D = Date.UTC(2026, 0, 9, 19, 0);
const iso = (ms: number) => new Date(ms).toISOString();
/** Fixed "now" for burn rates: 2026-01-20 12:00:30Z. */
const NOW = Date.UTC(2026, 0, 20, 12, 0, 30);
const NOW_MINUTE = Date.UTC(2026, 0, 20, 12, 0);

describe('uptime from the confirmed status history, SLO burn rates over the rollups (PostgreSQL)', () => {
  const sfx = randomBytes(4).toString('hex');
  const code = (name: string) => `up-${name}-${sfx}`;
  let app: NestFastifyApplication;
  let admin: SignedIn;
  let ds: DataSource;
  let db: Awaited<ReturnType<typeof createDedicatedDatabase>>;

  const one = async (sql: string, params: unknown[]) =>
    Number(((await ds.query(sql, params)) as { id: number }[])[0].id);
  const system = (agencyId: number, name: string, tier: string, slo: number | null = null) =>
    one(
      `INSERT INTO systems (agency_id, code, tier, name_kk, name_ru, name_en, slo_target)
       VALUES ($1, $2, $3, $2, $2, $2, $4) RETURNING id`,
      [agencyId, code(name), tier, slo],
    );
  const check = (systemId: number, name: string, regions = ['almaty']) =>
    one(
      `INSERT INTO checks (system_id, code, key, kind, target, interval_s, timeout_s, regions)
       VALUES ($1, 'web', $2, 'http', 'https://example.kz', 30, 10, $3) RETURNING id`,
      [systemId, `${code(name)}/web`, regions],
    );
  /** The detector's record of confirmed status changes, written straight into the table. */
  const history = async (systemId: number, changes: [number, string | null][]) => {
    for (const [at, status] of changes)
      await ds.query('INSERT INTO system_status_history (system_id, at, status) VALUES ($1, $2, $3)', [
        systemId,
        iso(at),
        status,
      ]);
  };
  /** Raw results of every region of a check every `step` ms, n runs, outcome per region. */
  const results = async (
    checkId: number,
    regions: string[],
    start: number,
    step: number,
    n: number,
    outcome: (region: string) => number,
  ) => {
    for (const region of regions)
      await ds.query(
        `INSERT INTO check_results (time, check_id, region, outcome, latency_ms)
         SELECT $1::timestamptz + make_interval(secs => i * $2::double precision / 1000), $3, $4, $5, 20
           FROM generate_series(0, $6 - 1) AS i`,
        [iso(start), step, checkId, region, outcome(region), n],
      );
  };
  /** One rollup row per bucket start `start + i * step`, i in [0, n), counts from `f(i)`. */
  const rows = async (
    relation: 'check_rollup_1m' | 'check_rollup_1h',
    checkId: number,
    start: number,
    step: number,
    n: number,
    f: (i: number) => { up?: number; degraded?: number; down?: number; unknown?: number },
  ) => {
    const values: unknown[] = [];
    const tuples: string[] = [];
    for (let i = 0; i < n; i++) {
      const c = { up: 0, degraded: 0, down: 0, unknown: 0, ...f(i) };
      const total = c.up + c.degraded + c.down + c.unknown;
      const b = values.length;
      tuples.push(
        `($${b + 1}::timestamptz, $${b + 2}::int, 'almaty', $${b + 3}::int, $${b + 4}::int, $${b + 5}::int, $${b + 6}::int, $${b + 7}::int)`,
      );
      values.push(iso(start + i * step), checkId, total, c.up, c.degraded, c.down, c.unknown);
      if (tuples.length === 1000 || i === n - 1) {
        await ds.query(
          `INSERT INTO ${relation} (bucket, check_id, region, total, up_count, degraded_count, down_count, unknown_count)
           VALUES ${tuples.join(', ')}`,
          values,
        );
        tuples.length = 0;
        values.length = 0;
      }
    }
  };

  beforeAll(async () => {
    // A database of its own: the catalog rows and rollups seeded here stay out of other suites.
    db = await createDedicatedDatabase();
    const url = db.url;
    const moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(loadAppConfig({ KUZET_DEMO: 'false' })),
        TypeOrmModule.forRoot({ type: 'postgres', url, synchronize: false, poolSize: 4 }),
        ScheduleModule.forRoot(),
        MetricsModule,
        UptimeModule,
        AuthModule,
      ],
    })
      .setLogger(false as never)
      .compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
    app.setGlobalPrefix('api');
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    ds = app.get(DataSource);
    admin = await signedInAdmin(app, ds);

    const agency = await one(
      `INSERT INTO agencies (code, name_kk, name_ru, name_en) VALUES ($1, $1, $1, $1) RETURNING id`,
      [code('agency')],
    );
    const a = await system(agency, 'a', 'critical');
    const b = await system(agency, 'b', 'normal');
    const c = await system(agency, 'c', 'normal', 99);
    const cc = await check(c, 'c');

    // A: 0-59 major, 60-159 partial, then operational (and still so on the following days).
    await history(a, [
      [D, 'major_outage'],
      [D + 60 * MIN, 'partial_outage'],
      [D + 160 * MIN, 'operational'],
    ]);
    // B: a maintenance window 0-119 (recorded by the detector as under_maintenance), major
    // 200-259, no evidence (every check unknown) from 1430 on.
    await history(b, [
      [D, 'under_maintenance'],
      [D + 120 * MIN, 'operational'],
      [D + 200 * MIN, 'major_outage'],
      [D + 260 * MIN, 'operational'],
      [D + 1430 * MIN, null],
    ]);
    // R: one region of three fails all day. The raw results (and the rollups computed from them)
    // say "down somewhere" every minute; the confirmed status (region quorum) stays operational.
    const agency2 = await one(
      `INSERT INTO agencies (code, name_kk, name_ru, name_en) VALUES ($1, $1, $1, $1) RETURNING id`,
      [code('agency2')],
    );
    const r = await system(agency2, 'r', 'critical');
    const regions = ['almaty', 'astana', 'shymkent'];
    const cr = await check(r, 'r', regions);
    await results(cr, regions, D, 30_000, 2880, (region) => (region === 'shymkent' ? 2 : 0));
    for (const resolution of ['1m', '1h'] as const)
      await inTransaction(ds, (tx) => refreshPlainRollup(tx, resolution, new Date(D + 1440 * MIN)));
    await history(r, [[D, 'operational']]);

    // C (SLO 99 %): 360 minutes up to NOW; the last 10 all down; one minute half unknown.
    await rows('check_rollup_1m', cc, NOW_MINUTE - 359 * MIN, MIN, 360, (i) => {
      const k = 359 - i; // minutes before NOW_MINUTE
      if (k < 10) return { down: 10 };
      if (k === 10) return { up: 5, unknown: 5 };
      return { up: 10 };
    });
    // ... and 72 hours (plus one older, outside 3d) with 60 bad results in the newest hour.
    await rows('check_rollup_1h', cc, NOW_MINUTE - 72 * HOUR, HOUR, 73, (i) =>
      i === 0 ? { down: 600 } : i === 72 ? { up: 540, down: 60 } : { up: 600 },
    );
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const get = (url: string) => app.inject({ method: 'GET', url, headers: admin.headers });

  const minutes = (m: Partial<Record<string, number>>) => ({
    major: 0,
    partial: 0,
    degraded: 0,
    operational: 0,
    maintenance: 0,
    no_data: 0,
    ...m,
  });

  it('a system: 60 major + 100 partial minutes in a day -> 1 − (60 + 30)/1440', async () => {
    const res = await get(`/api/uptime/systems/${code('a')}?from=${iso(D)}&to=${iso(D + 1440 * MIN)}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      granularity: 'day',
      resolution: 'exact',
      from: iso(D),
      to: iso(D + 1440 * MIN),
    });
    expect(body.days).toHaveLength(1);
    expect(body.days[0].date).toBe('2026-01-10');
    expect(body.days[0].uptime).toBeCloseTo(1 - 90 / 1440, 12);
    expect(body.total.minutes).toEqual(minutes({ major: 60, partial: 100, operational: 1280 }));
  });

  it('maintenance and no-evidence time are excluded', async () => {
    const res = await get(
      `/api/uptime/systems/${code('b')}?from=${iso(D)}&to=${iso(D + 1440 * MIN)}&granularity=range`,
    );
    const body = res.json();
    expect(body.days).toEqual([]);
    expect(body.total.minutes).toEqual(
      minutes({ major: 60, operational: 1250, maintenance: 120, no_data: 10 }),
    );
    expect(body.total.uptime).toBeCloseTo(1 - 60 / 1310, 12);
  });

  it('one region of three failing: the results say down, the confirmed status says operational -> 100 %', async () => {
    const [raw] = (await ds.query(
      `SELECT count(*) FILTER (WHERE r.down_count > 0)::int AS minutes_with_down
         FROM check_rollup_1m r JOIN checks k ON k.id = r.check_id JOIN systems s ON s.id = k.system_id
        WHERE s.code = $1 AND r.bucket >= $2 AND r.bucket < $3`,
      [code('r'), iso(D), iso(D + 1440 * MIN)],
    )) as { minutes_with_down: number }[];
    expect(raw.minutes_with_down).toBe(1440);
    const res = await get(`/api/uptime/systems/${code('r')}?from=${iso(D)}&to=${iso(D + 1440 * MIN)}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().days).toEqual([
      { date: '2026-01-10', uptime: 1, minutes: minutes({ operational: 1440 }) },
    ]);
    const agency = await get(
      `/api/uptime/agencies/${code('agency2')}?from=${iso(D)}&to=${iso(D + 1440 * MIN)}`,
    );
    expect(agency.json().total.uptime).toBe(1);
  });

  it('an agency: critical major is major, a normal-tier major caps at partial, maintenance left out', async () => {
    const res = await get(`/api/uptime/agencies/${code('agency')}?from=${iso(D)}&to=${iso(D + 1440 * MIN)}`);
    const body = res.json();
    // C has no history: it abstains. 0-59 major (A critical), 60-159 partial (A),
    // 200-259 partial (B normal major); B under maintenance 0-119 or without evidence is left out.
    expect(body.days[0].minutes).toEqual(minutes({ major: 60, partial: 160, operational: 1220 }));
    expect(body.days[0].uptime).toBeCloseTo(1 - (60 + 0.3 * 160) / 1440, 12);
  });

  it('per Almaty day over several days: before the first record is no data, the last status holds', async () => {
    const res = await get(
      `/api/uptime/systems/${code('a')}?from=${iso(D - 1440 * MIN)}&to=${iso(D + 2 * 1440 * MIN)}`,
    );
    const body = res.json();
    expect(body.days).toEqual([
      { date: '2026-01-09', uptime: null, minutes: minutes({ no_data: 1440 }) },
      {
        date: '2026-01-10',
        uptime: expect.closeTo(1 - 90 / 1440, 12),
        minutes: minutes({ major: 60, partial: 100, operational: 1280 }),
      },
      { date: '2026-01-11', uptime: 1, minutes: minutes({ operational: 1440 }) },
    ]);
    expect(body.total.uptime).toBeCloseTo(1 - 90 / 2880, 12);
  });

  it('a range running past now: the time after now is no data', async () => {
    const report = await app
      .get(UptimeService)
      .system(code('a'), { from: iso(D), to: iso(D + 1440 * MIN), granularity: 'range' }, D + 720 * MIN);
    expect(report.total.minutes).toEqual(
      minutes({ major: 60, partial: 100, operational: 560, no_data: 720 }),
    );
  });

  it('burn rates for known good/total at SLO 99 %', async () => {
    const slo = await app.get(SloService).system(code('c'), NOW);
    expect(slo.slo).toBeCloseTo(0.99, 12);
    expect(slo.burn_rates['5m']).toBeCloseTo(1 / 0.01, 9); // 50 bad of 50
    expect(slo.burn_rates['30m']).toBeCloseTo(100 / 295 / 0.01, 9); // unknown left out of total
    expect(slo.burn_rates['1h']).toBeCloseTo(100 / 595 / 0.01, 9);
    expect(slo.burn_rates['6h']).toBeCloseTo(100 / 3595 / 0.01, 9);
    expect(slo.burn_rates['3d']).toBeCloseTo(60 / 43200 / 0.01, 9); // the 73rd hour is outside
    expect(slo.alerts.map((a) => a.name)).toEqual(['page-fast']);
    expect(slo).toMatchObject({ page: true, ticket: false });
  });

  it('GET /api/slo/systems lists enabled systems and sets kuzet_slo_burn_rate', async () => {
    const one = await get(`/api/slo/systems/${code('a')}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ code: code('a'), slo: 0.999, page: false, ticket: false });
    const res = await get('/api/slo/systems');
    expect(res.statusCode).toBe(200);
    const codes = (res.json() as { code: string }[]).map((s) => s.code);
    expect(codes).toEqual(expect.arrayContaining([code('a'), code('b'), code('c')]));
    const text = await app.get(MetricsRegistry).registry.metrics();
    // By agency (its worst system), no system label without KUZET_METRICS_PER_SYSTEM.
    expect(text).toContain(`kuzet_slo_burn_rate{agency="${code('agency')}",window="5m"`);
    expect(text).not.toContain(`system="${code('c')}"`);
  });

  it('400 naming the field, 404 for unknown codes', async () => {
    const bad = async (qs: string, field: string) => {
      const res = await get(`/api/uptime/systems/${code('a')}?${qs}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toMatch(new RegExp(`^${field}`));
    };
    await bad(`from=${iso(D)}&to=${iso(D)}`, 'to');
    await bad(`from=${iso(D - 401 * 1440 * MIN)}&to=${iso(D)}`, 'from');
    await bad('from=yesterday', 'from');
    await bad('granularity=week', 'granularity');
    expect((await get(`/api/uptime/systems/nope-${sfx}`)).statusCode).toBe(404);
    expect((await get(`/api/uptime/agencies/nope-${sfx}`)).statusCode).toBe(404);
    expect((await get(`/api/slo/systems/nope-${sfx}`)).statusCode).toBe(404);
  });
});
