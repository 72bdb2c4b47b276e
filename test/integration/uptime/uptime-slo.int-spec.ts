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

describe('uptime and SLO burn rates over the rollups (PostgreSQL)', () => {
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
  const check = (systemId: number, name: string) =>
    one(
      `INSERT INTO checks (system_id, code, key, kind, target, interval_s, timeout_s, regions)
       VALUES ($1, 'web', $2, 'http', 'https://example.kz', 30, 10, '{almaty}') RETURNING id`,
      [systemId, `${code(name)}/web`],
    );
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
    const ca = await check(a, 'a');
    const cb = await check(b, 'b');
    const cc = await check(c, 'c');

    // A: minutes 0-59 down (major), 60-159 up+down (partial), the rest of the day up.
    await rows('check_rollup_1m', ca, D, MIN, 1440, (i) =>
      i < 60 ? { down: 2 } : i < 160 ? { up: 1, down: 1 } : { up: 2 },
    );
    // B: down 0-119 (under a maintenance window) and 200-259 (major); a few unknown-only minutes.
    await rows('check_rollup_1m', cb, D, MIN, 1440, (i) =>
      i < 120 || (i >= 200 && i < 260) ? { down: 2 } : i >= 1430 ? { unknown: 2 } : { up: 2 },
    );
    const w = await one(
      `INSERT INTO maintenance_windows (code, title_kk, title_ru, title_en, starts_at, ends_at)
       VALUES ($1, 't', 't', 't', $2, $3) RETURNING id`,
      [code('mw'), iso(D), iso(D + 2 * HOUR)],
    );
    await ds.query('INSERT INTO maintenance_window_systems (window_id, system_id) VALUES ($1, $2)', [w, b]);
    // A per hour on the same day: hour 0 down, hour 1 partial, 22 hours up.
    await rows('check_rollup_1h', ca, D, HOUR, 24, (i) =>
      i === 0 ? { down: 120 } : i === 1 ? { up: 60, down: 60 } : { up: 120 },
    );

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

  it('a system per minute: 60 major + 100 partial minutes in a day -> 1 − (60 + 30)/1440', async () => {
    const res = await get(`/api/uptime/systems/${code('a')}?from=${iso(D)}&to=${iso(D + 1440 * MIN)}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      granularity: 'day',
      resolution: '1m',
      from: iso(D),
      to: iso(D + 1440 * MIN),
    });
    expect(body.days).toHaveLength(1);
    expect(body.days[0].date).toBe('2026-01-10');
    expect(body.days[0].uptime).toBeCloseTo(1 - 90 / 1440, 12);
    expect(body.total.minutes).toEqual({
      major: 60,
      partial: 100,
      degraded: 0,
      operational: 1280,
      maintenance: 0,
      no_data: 0,
    });
  });

  it('maintenance minutes and unknown-only minutes are excluded', async () => {
    const res = await get(
      `/api/uptime/systems/${code('b')}?from=${iso(D)}&to=${iso(D + 1440 * MIN)}&granularity=range`,
    );
    const body = res.json();
    expect(body.days).toEqual([]);
    expect(body.total.minutes).toEqual({
      major: 60,
      partial: 0,
      degraded: 0,
      operational: 1250,
      maintenance: 120,
      no_data: 10,
    });
    expect(body.total.uptime).toBeCloseTo(1 - 60 / 1310, 12);
  });

  it('an agency: critical major is major, a normal-tier major caps at partial, maintenance left out', async () => {
    const res = await get(`/api/uptime/agencies/${code('agency')}?from=${iso(D)}&to=${iso(D + 1440 * MIN)}`);
    const body = res.json();
    // C has no rows that day: it abstains. 0-59 major (A critical), 60-159 partial (A),
    // 200-259 partial (B normal major), 0-119 B under maintenance is left out.
    expect(body.days[0].minutes).toEqual({
      major: 60,
      partial: 160,
      degraded: 0,
      operational: 1220,
      maintenance: 0,
      no_data: 0,
    });
    expect(body.days[0].uptime).toBeCloseTo(1 - (60 + 0.3 * 160) / 1440, 12);
  });

  it('ranges over 2 days read hours, each weighted as 60 minutes, per Almaty day', async () => {
    const res = await get(
      `/api/uptime/systems/${code('a')}?from=${iso(D - 1440 * MIN)}&to=${iso(D + 2 * 1440 * MIN)}`,
    );
    const body = res.json();
    expect(body.resolution).toBe('1h');
    expect(body.days.map((d: { date: string }) => d.date)).toEqual([
      '2026-01-09',
      '2026-01-10',
      '2026-01-11',
    ]);
    expect(body.days[0]).toMatchObject({ uptime: null, minutes: { no_data: 1440 } });
    expect(body.days[1].minutes).toEqual({
      major: 60,
      partial: 60,
      degraded: 0,
      operational: 1320,
      maintenance: 0,
      no_data: 0,
    });
    expect(body.days[1].uptime).toBeCloseTo(1 - (60 + 18) / 1440, 12);
    expect(body.total.uptime).toBeCloseTo(1 - (60 + 18) / 1440, 12);
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
    expect(text).toContain(`kuzet_slo_burn_rate{system="${code('c')}",window="5m"`);
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
