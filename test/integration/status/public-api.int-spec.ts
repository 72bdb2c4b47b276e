import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { DetectorService } from '../../../apps/api/src/detection/detector.service';
import { IncidentsService } from '../../../apps/api/src/incidents/incidents.service';
import { FakeClock } from '../../../apps/api/src/incidents/testing/fake-incidents';
import { ResultsStream } from '../../../apps/api/src/ingest/results-stream';
import { CheckOutcome } from '../../../apps/api/src/timeseries/check-outcome';
import { createDedicatedDatabase, openDataSource } from '../ingest/support/ingest-harness';
import { result, S, seedCatalog, SeededCatalog } from '../incidents/support/incidents-test-app';
import { createStatusTestApp, makePublic } from './support/status-test-app';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const { Up, Down } = CheckOutcome;
const NOTE = 'internal note: restarted pod on 10.20.30.40:8443';
const UPDATE = { kk: 'Біз тексеріп жатырмыз', ru: 'Мы разбираемся', en: 'We are investigating' };

describe('public API /api/public/v1 (real PostgreSQL, anonymous)', () => {
  let db: { url: string; drop: () => Promise<void> };
  let ds: DataSource;
  let seed: SeededCatalog;
  let app: NestFastifyApplication;
  const clock = new FakeClock(S(0));
  let gatewayIncident: number;
  let portalIncident: number;

  const get = async (url: string, headers: Record<string, string> = {}) => {
    const res = await app.inject({ method: 'GET', url, headers });
    const json = res.headers['content-type']?.toString().includes('json') && res.body ? (JSON.parse(res.body) as Json) : undefined;
    return { status: res.statusCode, headers: res.headers, body: json, text: res.body };
  };

  beforeAll(async () => {
    db = await createDedicatedDatabase();
    ds = await openDataSource(db.url);
    seed = await seedCatalog(ds);
    await makePublic(ds);
    const [w] = await ds.query(
      `INSERT INTO maintenance_windows (code, title_kk, title_ru, title_en, starts_at, ends_at)
       VALUES ('upgrade', 'Жаңарту', 'Обновление', 'Upgrade', $1, $2) RETURNING id`,
      [new Date(S(3600)), new Date(S(7200))],
    );
    await ds.query(
      `INSERT INTO maintenance_window_systems (window_id, system_id) SELECT $1, id FROM systems WHERE code IN ('gateway', 'portal')`,
      [w.id],
    );
    app = await createStatusTestApp(db.url, clock);
    const stream = app.get(ResultsStream);
    const { gateway, portal, registry } = seed.checkIds;
    stream.publish([result(gateway, 0, Up), result(registry, 0, Up)]);
    stream.publish(['almaty', 'astana', 'shymkent'].map((r) => result(portal, 0, Up, r)));
    stream.publish([result(gateway, 30, Down), result(gateway, 60, Down), result(registry, 30, Up), result(registry, 60, Up)]);
    stream.publish(['almaty', 'astana', 'shymkent'].flatMap((r) => [result(portal, 100, Down, r), result(portal, 130, Down, r)]));
    await app.get(DetectorService).idle();
    clock.t = S(300);
    const incidents: Json[] = await ds.query('SELECT i.id, s.code FROM incidents i JOIN systems s ON s.id = i.system_id');
    gatewayIncident = Number(incidents.find((i) => i.code === 'gateway').id);
    portalIncident = Number(incidents.find((i) => i.code === 'portal').id);
    const service = app.get(IncidentsService);
    await service.addNote(gatewayIncident, NOTE, 'duty@kuzet.kz');
    await service.addPublicUpdate(gatewayIncident, 'identified', UPDATE, 'duty@kuzet.kz');
  });

  afterAll(async () => {
    await app?.close();
    await ds?.destroy();
    await db?.drop();
  });

  it('GET /status: public systems, categories, the active incident with its public update, no note', async () => {
    const res = await get('/api/public/v1/status');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=5, stale-while-revalidate=30');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.body.systems.map((s: Json) => s.code)).toEqual(['registry', 'gateway']); // by agency: mju, nit
    expect(res.body.systems.find((s: Json) => s.code === 'gateway')).toMatchObject({
      agency: 'nit',
      category: 'documents',
      status: 'major_outage',
    });
    expect(res.body.overall).toBe('major_outage');
    expect(res.body.systems_without_data).toBe(0);
    expect(res.body.agencies.map((a: Json) => a.code)).toEqual(['mju', 'nit']);
    expect(res.body.categories).toEqual([{ code: 'documents', name: { kk: 'Құжаттар', ru: 'Документы', en: 'Documents' } }]);
    expect(res.body.active_incidents).toHaveLength(1);
    expect(res.body.maintenance).toEqual([
      {
        code: 'upgrade',
        title: { kk: 'Жаңарту', ru: 'Обновление', en: 'Upgrade' },
        systems: ['gateway'],
        starts_at: new Date(S(3600)).toISOString(),
        ends_at: new Date(S(7200)).toISOString(),
      },
    ]);
    expect(res.body.active_incidents[0]).toMatchObject({
      id: gatewayIncident,
      system: 'gateway',
      public_state: 'identified',
      updates: [{ public_state: 'identified', text: UPDATE }],
    });
    expect(res.text).not.toContain('portal');
    expect(res.text).not.toContain('10.20.30.40');
    expect(res.text).not.toContain('sev');
    expect(res.text).not.toContain('duty@');
  });

  it('answers If-None-Match with 304 until something changes, then a new ETag', async () => {
    const first = await get('/api/public/v1/status');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await get('/api/public/v1/status', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    await app.get(IncidentsService).addPublicUpdate(gatewayIncident, 'monitoring', UPDATE, 'duty@kuzet.kz');
    const changed = await get('/api/public/v1/status', { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.body.active_incidents[0].public_state).toBe('monitoring');
  });

  it('GET /systems and /systems/{code}; 404 for a non-public or unknown system', async () => {
    expect((await get('/api/public/v1/systems')).body.map((s: Json) => s.code).sort()).toEqual(['gateway', 'registry']);
    expect((await get('/api/public/v1/systems/registry')).body).toMatchObject({ code: 'registry', status: 'operational' });
    expect((await get('/api/public/v1/systems/portal')).status).toBe(404);
    expect((await get('/api/public/v1/systems/nope')).status).toBe(404);
    expect((await get('/api/public/v1/systems/portal/uptime')).status).toBe(404);
  });

  it('GET /systems/{code}/uptime: Almaty days with outage seconds; days validated', async () => {
    const res = await get('/api/public/v1/systems/gateway/uptime?days=3');
    expect(res.status).toBe(200);
    expect(res.body.system).toBe('gateway');
    expect(res.body.days.map((d: Json) => d.date)).toEqual(['2026-01-03', '2026-01-04', '2026-01-05']);
    const today = res.body.days[2];
    expect(today.major_s).toBeGreaterThan(0);
    expect(today.uptime).toBeLessThan(1);
    expect(res.body.days[0].uptime).toBeNull();
    const bad = await get('/api/public/v1/systems/gateway/uptime?days=500');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('days');
  });

  it('GET /uptime: the same days for every public system in one answer, none for a non-public one; days validated', async () => {
    const res = await get('/api/public/v1/uptime?days=3');
    expect(res.status).toBe(200);
    expect(res.body.days).toBe(3);
    const codes = res.body.systems.map((s: Json) => s.system);
    const one = await get('/api/public/v1/systems/gateway/uptime?days=3');
    expect(res.body.systems.find((s: Json) => s.system === 'gateway')).toEqual(one.body);
    expect(codes).not.toContain('portal');
    expect(codes).toEqual((await get('/api/public/v1/systems')).body.map((s: Json) => s.code));
    const bad = await get('/api/public/v1/uptime?days=0');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('days');
  });

  it('GET /incidents: public systems only, keyset paged; /incidents/{id} 404 for a non-public one', async () => {
    const page = await get('/api/public/v1/incidents?limit=1');
    expect(page.status).toBe(200);
    expect(page.body.items.map((i: Json) => i.id)).toEqual([gatewayIncident]);
    expect(page.body.next_cursor).toBeNull();
    expect((await get(`/api/public/v1/incidents/${gatewayIncident}`)).body.updates.length).toBe(2);
    expect((await get(`/api/public/v1/incidents/${portalIncident}`)).status).toBe(404);
    expect((await get('/api/public/v1/incidents/abc')).status).toBe(400);
    expect((await get('/api/public/v1/incidents?cursor=zzz')).status).toBe(400);
  });

  it('feeds: RSS and Atom, global and per system, in each language; lang validated; 404 for a non-public system', async () => {
    for (const [path, type] of [
      ['/api/public/v1/feed.rss', 'application/rss+xml'],
      ['/api/public/v1/feed.atom', 'application/atom+xml'],
      ['/api/public/v1/systems/gateway/feed.rss', 'application/rss+xml'],
      ['/api/public/v1/systems/gateway/feed.atom', 'application/atom+xml'],
    ]) {
      for (const lang of ['kk', 'ru', 'en'] as const) {
        const res = await get(`${path}?lang=${lang}`);
        expect(res.status).toBe(200);
        expect(String(res.headers['content-type'])).toContain(type);
        expect(res.text).toContain(`/${lang}/incidents/${gatewayIncident}`);
        expect(res.text).toContain(UPDATE[lang]);
        expect(res.text).not.toContain('internal note');
        expect(res.text).not.toContain(`/incidents/${portalIncident}`);
      }
    }
    expect((await get('/api/public/v1/feed.rss')).text).toContain('<language>ru</language>');
    const etag = String((await get('/api/public/v1/feed.atom?lang=en')).headers.etag);
    expect((await get('/api/public/v1/feed.atom?lang=en', { 'if-none-match': etag })).status).toBe(304);
    expect((await get('/api/public/v1/feed.rss?lang=de')).status).toBe(400);
    expect((await get('/api/public/v1/systems/portal/feed.rss')).status).toBe(404);
    expect((await get('/api/public/v1/systems/registry/feed.rss?lang=en')).text).not.toContain('<item>');
  });

  it('badges: status and uptime SVG; 404 for a non-public system', async () => {
    const status = await get('/api/public/v1/systems/gateway/badge.svg?lang=en');
    expect(status.status).toBe(200);
    expect(String(status.headers['content-type'])).toContain('image/svg+xml');
    expect(status.text).toContain('Major outage');
    const uptime = await get('/api/public/v1/systems/registry/uptime-badge.svg?days=30&lang=en');
    expect(uptime.status).toBe(200);
    expect(uptime.text).toContain('100.00%');
    expect((await get('/api/public/v1/systems/portal/badge.svg')).status).toBe(404);
    expect((await get('/api/public/v1/systems/gateway/uptime-badge.svg?days=0')).status).toBe(400);
  });

  it('open data: CSV and JSON of daily availability with licence and schema; range validated', async () => {
    const csv = await get('/api/public/v1/open-data/availability.csv?from=2026-01-04&to=2026-01-05');
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-type'])).toContain('text/csv');
    expect(String(csv.headers.link)).toContain('rel="license"');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('date,system,agency,uptime,major_s,partial_s,degraded_s');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual([
      '2026-01-04,gateway',
      '2026-01-04,registry',
      '2026-01-05,gateway',
      '2026-01-05,registry',
    ]);
    expect(csv.text).not.toContain('portal');
    const json = await get('/api/public/v1/open-data/availability.json?from=2026-01-05&to=2026-01-05');
    expect(json.body.licence.name).toBe('CC-BY-4.0');
    expect(json.body.schema).toBe('/api/public/v1/open-data/schema.json');
    const gateway = json.body.data.find((r: Json) => r.system === 'gateway');
    expect(gateway.major_s).toBeGreaterThan(0);
    const schema = await get('/api/public/v1/open-data/schema.json');
    expect(schema.body.fields.map((f: Json) => f.name)).toEqual(lines[0].split(','));
    expect((await get('/api/public/v1/open-data/availability.csv?from=2025-01-01&to=2026-01-05')).status).toBe(400);
    expect((await get('/api/public/v1/open-data/availability.json?from=2026-02-30')).text).toContain('from');
  });

  it('every public route is in the OpenAPI document, described and marked public', async () => {
    const doc = SwaggerModule.createDocument(app, new DocumentBuilder().build());
    const routes = Object.entries(doc.paths).filter(([path]) => path.startsWith('/api/public/v1/'));
    expect(routes.map(([path]) => path).sort()).toEqual(
      [
        'status',
        'systems',
        'systems/{code}',
        'systems/{code}/uptime',
        'uptime',
        'systems/{code}/feed.rss',
        'systems/{code}/feed.atom',
        'systems/{code}/badge.svg',
        'systems/{code}/uptime-badge.svg',
        'incidents',
        'incidents/{id}',
        'feed.rss',
        'feed.atom',
        'open-data/availability.csv',
        'open-data/availability.json',
        'open-data/schema.json',
      ]
        .map((p) => `/api/public/v1/${p}`)
        .sort(),
    );
    for (const [, item] of routes) {
      const op = (item as Json).get;
      expect(op.summary).toBeTruthy();
      expect(op['x-kuzet-public']).toBe(true);
    }
  });

  it('pages the incident history by keyset', async () => {
    app.get(ResultsStream).publish([result(seed.checkIds.registry, 200, Down), result(seed.checkIds.registry, 230, Down)]);
    await app.get(DetectorService).idle();
    const first = await get('/api/public/v1/incidents?limit=1');
    expect(first.body.items.map((i: Json) => i.system)).toEqual(['registry']);
    const second = await get(`/api/public/v1/incidents?limit=1&cursor=${first.body.next_cursor}`);
    expect(second.body.items.map((i: Json) => i.id)).toEqual([gatewayIncident]);
    expect(second.body.next_cursor).toBeNull();
    expect((await get('/api/public/v1/incidents?system=registry')).body.items).toHaveLength(1);
    expect((await get('/api/public/v1/incidents?system=portal')).status).toBe(404);
  });
});

describe('public API rate limit (KUZET_PUBLIC_RATE_LIMIT)', () => {
  let db: { url: string; drop: () => Promise<void> };
  let app: NestFastifyApplication;

  beforeAll(async () => {
    db = await createDedicatedDatabase();
    app = await createStatusTestApp(db.url, new FakeClock(S(0)), { KUZET_PUBLIC_RATE_LIMIT: '3' });
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('answers 429 with Retry-After past the limit, per client address', async () => {
    const from = (remoteAddress: string) => app.inject({ method: 'GET', url: '/api/public/v1/status', remoteAddress });
    for (let i = 0; i < 3; i++) expect((await from('192.0.2.1')).statusCode).toBe(200);
    const refused = await from('192.0.2.1');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await from('192.0.2.2')).statusCode).toBe(200);
  });
});
