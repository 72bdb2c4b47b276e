import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { DataSource } from 'typeorm';
import { DetectorService } from '../../../apps/api/src/detection/detector.service';
import { ResultsStream } from '../../../apps/api/src/ingest/results-stream';
import { FakeClock } from '../../../apps/api/src/incidents/testing/fake-incidents';
import { CheckOutcome } from '../../../apps/api/src/timeseries/check-outcome';
import { createDedicatedDatabase, openDataSource } from '../ingest/support/ingest-harness';
import { createIncidentsTestApp, result, S, seedCatalog, SeededCatalog } from './support/incidents-test-app';
import { signedInAdmin, SignedIn } from '../../support/auth-helpers';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const { Up, Down } = CheckOutcome;

describe('incidents, status and reliability REST API', () => {
  let db: { url: string; drop: () => Promise<void> };
  let ds: DataSource;
  let seed: SeededCatalog;
  let app: NestFastifyApplication;
  let admin: SignedIn;
  const clock = new FakeClock(S(0));

  const call = async (method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const res = await app.inject({ method, url, payload: payload as never, headers: admin.headers });
    return { status: res.statusCode, body: res.body ? (JSON.parse(res.body) as Json) : undefined };
  };

  beforeAll(async () => {
    db = await createDedicatedDatabase();
    ds = await openDataSource(db.url);
    seed = await seedCatalog(ds);
    app = await createIncidentsTestApp(db.url, clock);
    admin = await signedInAdmin(app, ds);
    const stream = app.get(ResultsStream);
    const { gateway, registry } = seed.checkIds;
    stream.publish([result(gateway, 0, Up), result(gateway, 30, Down), result(gateway, 60, Down)]);
    stream.publish([result(registry, 100, Down), result(registry, 130, Down)]);
    await app.get(DetectorService).idle();
  });

  afterAll(async () => {
    await app?.close();
    await ds?.destroy();
    await db?.drop();
  });

  it('GET /api/incidents lists newest first with filters and pages by cursor', async () => {
    const all = await call('GET', '/api/incidents');
    expect(all.status).toBe(200);
    expect(all.body.items.map((i: Json) => i.system)).toEqual(['registry', 'gateway']);
    expect(all.body.items[1]).toMatchObject({
      agency: 'nit',
      kind: 'root',
      status: 'major_outage',
      severity: 'sev1',
      state: 'open',
      public_state: 'investigating',
      opened_at: new Date(S(60)).toISOString(),
      title: { en: 'eGov gateway is down' },
    });
    expect(all.body.next_cursor).toBeNull();
    const systems = async (q: string) =>
      (await call('GET', `/api/incidents?${q}`)).body.items.map((i: Json) => i.system);
    expect(await systems('agency=mju')).toEqual(['registry']);
    expect(await systems('system=gateway')).toEqual(['gateway']);
    expect(await systems('state=resolved')).toEqual([]);
    expect(await systems(`from=${new Date(S(90)).toISOString()}`)).toEqual(['registry']);
    expect(await systems(`to=${new Date(S(90)).toISOString()}`)).toEqual(['gateway']);
    const page1 = await call('GET', '/api/incidents?limit=1');
    expect(page1.body.items.map((i: Json) => i.system)).toEqual(['registry']);
    const page2 = await call('GET', `/api/incidents?limit=1&cursor=${page1.body.next_cursor}`);
    expect(page2.body.items.map((i: Json) => i.system)).toEqual(['gateway']);
    expect(page2.body.next_cursor).toBeNull();
  });

  it('400s name the field; unknown incidents are 404', async () => {
    const bad = async (url: string, field: string, method: 'GET' | 'POST' = 'GET', payload?: unknown) => {
      const res = await call(method, url, payload);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: Json) => e.field)).toContain(field);
    };
    await bad('/api/incidents?state=closed', 'state');
    await bad('/api/incidents?limit=0', 'limit');
    await bad('/api/incidents?from=yesterday', 'from');
    await bad('/api/incidents?colour=red', 'colour');
    await bad(
      `/api/incidents?from=${new Date(S(90)).toISOString()}&to=${new Date(S(10)).toISOString()}`,
      'to',
    );
    await bad('/api/incidents/abc', 'id');
    await bad('/api/incidents/1/notes', 'text', 'POST', { text: '' });
    await bad('/api/incidents/1/public-updates', 'text.en', 'POST', {
      public_state: 'identified',
      text: { kk: 'a', ru: 'b' },
    });
    await bad('/api/incidents/1/public-updates', 'public_state', 'POST', {
      public_state: 'fixed',
      text: { kk: 'a', ru: 'b', en: 'c' },
    });
    await bad('/api/reliability?from=2026-01-01T00:00:00Z', 'agency');
    expect((await call('GET', '/api/incidents/999999')).status).toBe(404);
    expect((await call('POST', '/api/incidents/999999/ack')).status).toBe(404);
  });

  it('ack, notes, public updates and resolve, with the timeline in GET /api/incidents/:id', async () => {
    const id = (await call('GET', '/api/incidents?system=gateway')).body.items[0].id;
    clock.t = S(120);
    const acked = await call('POST', `/api/incidents/${id}/ack`);
    expect(acked.status).toBe(200);
    expect(acked.body).toMatchObject({
      state: 'acknowledged',
      acknowledged_at: new Date(S(120)).toISOString(),
    });
    expect((await call('POST', `/api/incidents/${id}/notes`, { text: 'router replaced' })).status).toBe(201);
    const pub = await call('POST', `/api/incidents/${id}/public-updates`, {
      public_state: 'identified',
      text: { kk: 'Себебі анықталды', ru: 'Причина найдена', en: 'Cause identified' },
    });
    expect(pub.status).toBe(201);
    expect(pub.body.public_state).toBe('identified');
    clock.t = S(300);
    const resolved = await call('POST', `/api/incidents/${id}/resolve`);
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({
      state: 'resolved',
      public_state: 'resolved',
      resolved_at: new Date(S(300)).toISOString(),
    });
    const detail = await call('GET', `/api/incidents/${id}`);
    expect(detail.body.timeline.map((e: Json) => e.kind)).toEqual([
      'state_changed',
      'acknowledged',
      'note',
      'public_update',
      'resolved',
    ]);
    expect(detail.body.timeline[2]).toMatchObject({ actor: admin.user.email, data: { text: 'router replaced' } });
    expect((await call('POST', `/api/incidents/${id}/ack`)).status).toBe(409);
  });

  it('GET /api/status/systems and /api/status/agencies', async () => {
    const systems = await call('GET', '/api/status/systems');
    expect(systems.status).toBe(200);
    expect(systems.body.map((s: Json) => [s.system, s.status])).toEqual([
      ['registry', 'major_outage'],
      ['gateway', 'major_outage'],
      ['portal', null],
    ]);
    expect((await call('GET', '/api/status/systems?agency=nit')).body).toHaveLength(2);
    expect((await call('GET', '/api/status/systems?agency=NIT')).status).toBe(400);
    const agencies = await call('GET', '/api/status/agencies');
    expect(agencies.body).toEqual([
      { agency: 'mju', status: 'major_outage', systems: 1 },
      { agency: 'nit', status: 'major_outage', systems: 2 },
    ]);
  });

  it('GET /api/reliability computes MTTA/MTTR/MTBF for a system and an agency', async () => {
    const range = `from=${new Date(S(0)).toISOString()}&to=${new Date(S(600)).toISOString()}`;
    const gw = await call('GET', `/api/reliability?system=gateway&${range}`);
    expect(gw.status).toBe(200);
    expect(gw.body).toMatchObject({
      system: 'gateway',
      agency: null,
      count: 1,
      mtta_ms: 60_000,
      mttr_ms: 240_000,
      downtime_ms: 240_000,
      mtbf_ms: 360_000,
    });
    const nit = await call('GET', `/api/reliability?agency=nit&${range}`);
    expect(nit.body).toMatchObject({ agency: 'nit', count: 1 });
    const mju = await call('GET', `/api/reliability?agency=mju&${range}`);
    expect(mju.body).toMatchObject({ count: 1, mtta_ms: null, mttr_ms: null });
  });

  it('documents its routes in OpenAPI', () => {
    const doc = cleanupOpenApiDoc(
      SwaggerModule.createDocument(app, new DocumentBuilder().setTitle('t').build()),
    );
    // Sign-in, users and audit routes come with AuthModule; they are tested under test/integration/auth.
    const own = Object.keys(doc.paths).filter((p) => !/^\/api\/(auth|users|audit)(\/|$)/.test(p));
    expect(own.sort()).toEqual([
      '/api/incidents',
      '/api/incidents/{id}',
      '/api/incidents/{id}/ack',
      '/api/incidents/{id}/notes',
      '/api/incidents/{id}/public-updates',
      '/api/incidents/{id}/resolve',
      '/api/reliability',
      '/api/status/agencies',
      '/api/status/systems',
    ]);
    const params = (doc.paths['/api/incidents'].get?.parameters ?? []) as { name: string }[];
    expect(params.map((p) => p.name)).toEqual(
      expect.arrayContaining(['agency', 'system', 'state', 'from', 'to', 'limit', 'cursor']),
    );
  });
});
