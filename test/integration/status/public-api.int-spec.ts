import type { NestFastifyApplication } from '@nestjs/platform-fastify';
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
    expect(res.body.systems.map((s: Json) => s.code)).toEqual(['registry', 'gateway']); // by agency: mju, nit
    expect(res.body.systems.find((s: Json) => s.code === 'gateway')).toMatchObject({
      agency: 'nit',
      category: 'documents',
      status: 'major_outage',
    });
    expect(res.body.overall).toBe('major_outage');
    expect(res.body.agencies.map((a: Json) => a.code)).toEqual(['mju', 'nit']);
    expect(res.body.categories).toEqual([{ code: 'documents', name: { kk: 'Құжаттар', ru: 'Документы', en: 'Documents' } }]);
    expect(res.body.active_incidents).toHaveLength(1);
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
});
