import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { ScheduleModule } from '@nestjs/schedule';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import type { AgencyReportCard, AgencyScoreRow, SystemScoreDetail } from '@kuzet/contracts';
import { scoreSystem } from '@kuzet/scoring';
import type { SystemEvidence } from '@kuzet/scoring';
import { AuthModule } from '../../../apps/api/src/auth/auth.module';
import { loadAppConfig } from '../../../apps/api/src/config/app-config';
import { ConfigModule } from '../../../apps/api/src/config/config.module';
import { DatabaseModule } from '../../../apps/api/src/database/database.module';
import { MetricsModule } from '../../../apps/api/src/metrics/metrics.module';
import { EvidenceCollector } from '../../../apps/api/src/scoring/evidence-collector.service';
import { ScoringClock } from '../../../apps/api/src/scoring/scoring-clock';
import { ScoringModule } from '../../../apps/api/src/scoring/scoring.module';
import { ScoringService } from '../../../apps/api/src/scoring/scoring.service';
import { createDedicatedDatabase } from '../ingest/support/ingest-harness';
import { signedInAdmin, signedInAs, SignedIn } from '../../support/auth-helpers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 2026-03-10 12:00 Asia/Almaty. */
const NOW = Date.UTC(2026, 2, 10, 7, 0);
const iso = (ms: number) => new Date(ms).toISOString();

const MODERN_TLS = {
  protocol: 'TLSv1.3',
  cipher: 'TLS_AES_128_GCM_SHA256',
  subject: 'CN=modern.gov.test',
  issuer: 'CN=Test CA',
  validFrom: iso(NOW - 30 * DAY),
  validTo: iso(NOW + 300 * DAY),
  daysToExpiry: 300,
  chainValid: true,
  keyBits: 256,
  keyType: 'EC',
  cipherBits: 128,
  forwardSecrecy: true,
  acceptedVersions: ['TLSv1.2', 'TLSv1.3'],
  signatureAlgorithm: 'ecdsa-with-SHA256',
  chainLength: 2,
  selfSigned: false,
  alpn: 'h2',
  ipv6: true,
};
const MODERN_HEADERS = {
  server: 'nginx',
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};
/** TLS 1.0 only, an expired 1024-bit RSA certificate; PHP 5.6 on Apache 2.2; no HSTS. */
const ABANDONED_TLS = {
  protocol: 'TLSv1',
  cipher: 'AES128-SHA',
  subject: 'CN=old.gov.test',
  issuer: 'CN=Test CA',
  validFrom: iso(NOW - 800 * DAY),
  validTo: iso(NOW - 20 * DAY),
  daysToExpiry: -20,
  chainValid: false,
  authorizationError: 'CERT_HAS_EXPIRED',
  keyBits: 1024,
  keyType: 'RSA',
  cipherBits: 128,
  forwardSecrecy: false,
  acceptedVersions: ['TLSv1'],
  signatureAlgorithm: 'sha1WithRSAEncryption',
  chainLength: 2,
  selfSigned: false,
  alpn: null,
  ipv6: false,
};
const ABANDONED_HEADERS = { server: 'Apache/2.2.15 (CentOS)', 'x-powered-by': 'PHP/5.6.40' };

/**
 * The scoring module against a real PostgreSQL: evidence read from the catalog, the latest probe
 * details, the confirmed status history and incidents; scores, finding history and daily
 * snapshots written; the REST API over them. The scorer itself is @kuzet/scoring (not mocked).
 */
describe('technology-debt scoring (PostgreSQL)', () => {
  const sfx = randomBytes(3).toString('hex');
  const code = (name: string) => `sc-${name}-${sfx}`;
  let app: NestFastifyApplication;
  let ds: DataSource;
  let db: Awaited<ReturnType<typeof createDedicatedDatabase>>;
  let admin: SignedIn;
  let now = NOW;
  const ids: Record<string, number> = {};

  const one = async (sql: string, params: unknown[]) => Number(((await ds.query(sql, params)) as { id: number }[])[0].id);
  const agency = (name: string) =>
    one(`INSERT INTO agencies (code, name_kk, name_ru, name_en) VALUES ($1, $1 || ' kk', $1 || ' ru', $1 || ' en') RETURNING id`, [code(name)]);
  const system = (agencyId: number, name: string, tier: string) =>
    one(
      `INSERT INTO systems (agency_id, code, tier, name_kk, name_ru, name_en, slo_target) VALUES ($1, $2, $3, $2, $2, $2, 99.9) RETURNING id`,
      [agencyId, code(name), tier],
    );
  const check = (systemId: number, name: string, kind: string, target: string) =>
    one(
      `INSERT INTO checks (system_id, code, key, kind, target, interval_s, timeout_s, regions) VALUES ($1, $2, $3, $4, $5, 30, 10, '{almaty}') RETURNING id`,
      [systemId, kind, `${code(name)}/${kind}`, kind, target],
    );
  /** What the probe of `almaty` last saw of a check (check_latest_details, as the results intake writes it). */
  const latest = (checkId: number, at: number, details: Record<string, unknown>) =>
    ds.query(
      `INSERT INTO check_latest_details (check_id, region, time, outcome, details) VALUES ($1, 'almaty', $2, 0, $3::jsonb)
       ON CONFLICT (check_id, region) DO UPDATE SET time = EXCLUDED.time, details = EXCLUDED.details`,
      [checkId, iso(at), JSON.stringify(details)],
    );
  const history = async (systemId: number, changes: [number, string][]) => {
    for (const [at, status] of changes)
      await ds.query('INSERT INTO system_status_history (system_id, at, status) VALUES ($1, $2, $3)', [systemId, iso(at), status]);
  };
  /** A web system: one https check and one tls check with these facts, operational for 28 days. */
  const webSystem = async (agencyId: number, name: string, tier: string, tls: object, headers: object) => {
    const id = await system(agencyId, name, tier);
    const web = await check(id, name, 'http', `https://${name}.gov.test/`);
    const handshake = await check(id, name, 'tls', `${name}.gov.test:443`);
    await latest(web, NOW - 60_000, { headers, http: { urls: [`https://${name}.gov.test/`], cookies: [], redirectsToHttps: true } });
    await latest(handshake, NOW - 30_000, { tls });
    await history(id, [[NOW - 29 * DAY, 'operational']]);
    ids[name] = id;
    ids[`${name}/http`] = web;
    return id;
  };

  beforeAll(async () => {
    db = await createDedicatedDatabase();
    const config = loadAppConfig(process.env, {
      DATABASE_URL: db.url,
      KUZET_DEMO: 'false',
      KUZET_LOG_LEVEL: 'silent',
      // The job stays out of the way: runs are driven by the test.
      KUZET_SCORING_FIRST_RUN_S: '3600',
      KUZET_SCORING_INTERVAL_S: '86400',
    });
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(config), ScheduleModule.forRoot(), DatabaseModule.forRoot(), MetricsModule, AuthModule, ScoringModule.forRoot()],
    })
      .overrideProvider(ScoringClock)
      .useValue({ now: () => now })
      .setLogger(false as never)
      .compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
    app.setGlobalPrefix('api');
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    ds = app.get(DataSource);
    admin = await signedInAdmin(app, ds);

    const good = await agency('good');
    const poor = await agency('poor');
    await webSystem(good, 'modern', 'critical', MODERN_TLS, MODERN_HEADERS);
    await webSystem(good, 'steady', 'normal', MODERN_TLS, MODERN_HEADERS);
    await webSystem(poor, 'abandoned', 'high', ABANDONED_TLS, ABANDONED_HEADERS);
    await webSystem(poor, 'oldphp', 'normal', MODERN_TLS, { ...MODERN_HEADERS, 'x-powered-by': 'PHP/5.6.40' });
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const get = (url: string, who: SignedIn = admin) => app.inject({ method: 'GET', url, headers: who.headers });
  const run = () => app.get(ScoringService).runOnce();
  const evidenceOf = async (name: string): Promise<SystemEvidence> =>
    (await app.get(EvidenceCollector).collect(now)).find((c) => c.system.code === code(name))!.evidence;

  it('builds each system’s evidence from the catalog, the latest probe details and the status history', async () => {
    const e = await evidenceOf('abandoned');
    expect(e).toMatchObject({ agency: code('poor'), tier: 'high' });
    expect(e.tls).toHaveLength(1);
    expect(e.tls[0]).toMatchObject({
      region: 'almaty',
      observedAt: iso(NOW - 30_000),
      acceptedVersions: ['TLSv1'],
      keyBits: 1024,
      certificate: { valid: false, error: 'CERT_HAS_EXPIRED', signatureAlgorithm: 'sha1WithRSAEncryption' },
    });
    expect(e.http[0]).toMatchObject({ checkId: ids['abandoned/http'], https: true, redirectsToHttps: true, headers: ABANDONED_HEADERS });
    expect(e.dns).toEqual([expect.objectContaining({ host: 'abandoned.gov.test', ipv6: false })]);
    expect(e.reliability).toEqual({ windowDays: 28, sloTarget: expect.closeTo(0.999, 9), availability: 1, degradedShare: 0, incidents: 0, mttrMs: null, mtbfMs: null });
  });

  it('scores every system and agency, stores the day’s snapshots and serves the ranking with findings', async () => {
    const result = await run();
    const byCode = new Map(result.systems.map((s) => [s.system, s]));
    const modern = byCode.get(code('modern'))!;
    const abandoned = byCode.get(code('abandoned'))!;
    expect(modern.score).toBeGreaterThan(abandoned.score);
    // Expired certificate: the whole score is capped at 40; PHP 5.6 and Apache 2.2 are end-of-life.
    expect(abandoned.caps.map((c) => c.rule)).toEqual(expect.arrayContaining(['cap.invalid_certificate', 'cap.end_of_life']));
    expect(abandoned.score).toBeLessThanOrEqual(40);
    expect(abandoned.grade).toBe('F');

    const snapshots = await ds.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, count(*)::int AS n FROM system_score_snapshots WHERE system_id = ANY($1::int[]) GROUP BY day`,
      [[ids.modern, ids.steady, ids.abandoned, ids.oldphp]],
    );
    expect(snapshots).toEqual([{ day: '2026-03-10', n: 4 }]);

    const res = await get('/api/scores/agencies');
    expect(res.statusCode).toBe(200);
    const rows = (res.json() as AgencyScoreRow[]).filter((r) => r.agency.endsWith(sfx));
    expect(rows.map((r) => r.agency)).toEqual([code('good'), code('poor')]);
    const poor = rows[1];
    expect(poor.name).toEqual({ kk: `${code('poor')} kk`, ru: `${code('poor')} ru`, en: `${code('poor')} en` });
    expect(poor.trend).toEqual([{ day: '2026-03-10', score: poor.score, grade: poor.grade }]);
    expect(poor.top_findings.length).toBeGreaterThan(0);
    expect(poor.top_findings.length).toBeLessThanOrEqual(3);
    const costs = poor.top_findings.map((f) => f.points_lost);
    expect(costs).toEqual([...costs].sort((a, b) => b - a));
    // Each finding names its evidence (check, region, time, fact) and its rule's source.
    const eol = poor.top_findings.find((f) => f.component === 'obsolescence')!;
    expect([ids['abandoned/http'], ids['oldphp/http']]).toContain(eol.evidence.check_id);
    expect(eol.evidence).toMatchObject({ region: 'almaty', observed_at: iso(NOW - 60_000) });
    expect(eol.evidence.fact).toMatch(/PHP|Apache/);
    expect(eol.source.url).toMatch(/^https:\/\//);
  });

  it('serves the report card, a system with its evidence, and the CSV', async () => {
    const card = (await get(`/api/scores/agencies/${code('poor')}`)).json() as AgencyReportCard;
    expect(card.systems.map((s) => s.system)).toEqual([code('abandoned'), code('oldphp')]);
    const abandoned = card.systems[0];
    expect(Object.keys(abandoned.components).sort()).toEqual(['http', 'modernity', 'obsolescence', 'reliability', 'tls']);
    expect(abandoned.tls_grade).not.toBeNull();
    expect(abandoned.findings.some((f) => f.component === 'tls' && f.evidence.check_id !== null)).toBe(true);

    const detail = (await get(`/api/scores/systems/${code('abandoned')}`)).json() as SystemScoreDetail;
    expect(detail.score).toBe(abandoned.score);
    expect(detail.evidence).toMatchObject({ system: code('abandoned'), reliability: { availability: 1 } });

    const csv = await get('/api/scores/agencies.csv');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toMatch(/^rank,agency,name_en,/);
    expect(lines.some((l) => l.includes(`,${code('poor')},`))).toBe(true);
    expect((await get('/api/scores/agencies?format=csv')).body).toBe(csv.body);
  });

  it('answers 404 for unknown codes, 400 naming the field for bad parameters, 403 for another agency’s operator', async () => {
    expect((await get('/api/scores/agencies/no-such-agency')).statusCode).toBe(404);
    expect((await get('/api/scores/systems/no-such-system')).statusCode).toBe(404);
    const bad = await get('/api/scores/agencies?trend_days=0');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/^trend_days: /);
    expect((await get('/api/scores/agencies?format=xml')).json().message).toMatch(/^format: /);

    const operator = await signedInAs(app, ds, { role: 'agency_operator', agency: code('good') });
    const own = (await get('/api/scores/agencies', operator)).json() as AgencyScoreRow[];
    expect(own.map((r) => r.agency)).toEqual([code('good')]);
    expect((await get(`/api/scores/agencies/${code('poor')}`, operator)).statusCode).toBe(403);
    expect((await get(`/api/scores/systems/${code('abandoned')}`, operator)).statusCode).toBe(403);
  });

  it('a fault that takes availability under 99 % lowers the score, adds a reliability finding and caps it at 60', async () => {
    const before = (await run()).systems.find((s) => s.system === code('steady'))!;
    expect(before.caps.map((c) => c.rule)).not.toContain('cap.availability');
    expect(before.findings.filter((f) => f.component === 'reliability')).toEqual([]);

    // A 10-hour major outage 5 days ago (98.5 % over 28 days), as the detector records it.
    const start = NOW - 5 * DAY;
    await history(ids.steady, [[start, 'major_outage'], [start + 10 * HOUR, 'operational']]);
    await ds.query(
      `INSERT INTO incidents (system_id, agency_id, kind, status, severity, state, public_state, opened_at, resolved_at, last_failure_at,
         title_kk, title_ru, title_en, open_key)
       SELECT s.id, s.agency_id, 'root', 'major_outage', 'sev3', 'resolved', 'resolved', $2, $3, $3, 't', 't', 't', $4
         FROM systems s WHERE s.id = $1`,
      [ids.steady, iso(start), iso(start + 10 * HOUR), `scoring-fault-${sfx}`],
    );
    const e = await evidenceOf('steady');
    expect(e.reliability.availability).toBeCloseTo(1 - 10 / (28 * 24), 6);
    expect(e.reliability).toMatchObject({ incidents: 1, mttrMs: 10 * HOUR });

    const after = (await run()).systems.find((s) => s.system === code('steady'))!;
    expect(after.score).toBeLessThan(before.score);
    expect(after.score).toBeLessThanOrEqual(60);
    expect(after.caps).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'cap.availability', limit: 60 })]));
    expect(after.findings.some((f) => f.component === 'reliability' && f.pointsLost > 0)).toBe(true);

    const agencies = (await get('/api/scores/agencies')).json() as AgencyScoreRow[];
    const good = agencies.find((r) => r.agency === code('good'))!;
    expect(good.worst).toEqual({ system: code('steady'), score: after.score });
  });

  it('`kuzet score explain SYSTEM` prints the latest score with components, caps, findings, evidence and sources', async () => {
    const kuzet = (args: string[]) =>
      spawnSync(process.execPath, [join(__dirname, '../../../scripts/kuzet.js'), ...args], {
        env: { PATH: process.env.PATH, DATABASE_URL: db.url },
        encoding: 'utf8',
        timeout: 60_000,
      });
    const [latest] = (await get(`/api/scores/agencies/${code('poor')}`)).json().systems as AgencyReportCard['systems'];
    const out = kuzet(['score', 'explain', latest.system]);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    expect(out.stdout).toContain(`Score ${latest.score.toFixed(1)} / 100, grade ${latest.grade}`);
    expect(out.stdout).toMatch(/\n {2}cap\.invalid_certificate: at most 40 /);
    const finding = latest.findings.find((f) => f.evidence.check_id !== null)!;
    expect(out.stdout).toContain(`evidence: check ${finding.evidence.check_id}, region almaty, ${finding.evidence.observed_at}: ${finding.evidence.fact}`);
    expect(out.stdout).toContain(`<${finding.source.url}>`);

    const unknown = kuzet(['score', 'explain', 'no-such-system']);
    expect(unknown.status).toBe(3);
    expect(unknown.stderr).toMatch(/system no-such-system has no score/);
    const bad = kuzet(['score', 'explain', 'Bad Code']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/SYSTEM: expected a system code/);
  });

  it('remembers a fixed finding and lets its cost fade instead of vanishing overnight', async () => {
    const first = (await run()).systems.find((s) => s.system === code('oldphp'))!;
    expect(first.findings.some((f) => f.component === 'obsolescence')).toBe(true);

    // PHP is upgraded (the header is gone) and the scorer runs the next day.
    await latest(ids['oldphp/http'], NOW + DAY - 60_000, { headers: MODERN_HEADERS, http: { urls: ['https://oldphp.gov.test/'], cookies: [], redirectsToHttps: true } });
    now = NOW + DAY;
    const next = (await run()).systems.find((s) => s.system === code('oldphp'))!;
    const fixed = await ds.query(
      `SELECT rule, fixed_at FROM score_findings WHERE system_id = $1 AND fixed_at IS NOT NULL`,
      [ids.oldphp],
    );
    expect(fixed.length).toBeGreaterThan(0);
    expect(fixed.every((r: { fixed_at: Date }) => new Date(r.fixed_at).getTime() === NOW + DAY)).toBe(true);
    const withoutHistory = scoreSystem(await evidenceOf('oldphp'), { now });
    expect(next.score).toBeGreaterThan(first.score);
    expect(next.score).toBeLessThan(withoutHistory.score);

    // A second day's snapshot: the trend has two points.
    const detail = (await get(`/api/scores/systems/${code('oldphp')}`)).json() as SystemScoreDetail;
    expect(detail.trend.map((p) => p.day)).toEqual(['2026-03-10', '2026-03-11']);
  });
});
