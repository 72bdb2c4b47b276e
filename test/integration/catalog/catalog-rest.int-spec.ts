import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { CatalogService } from '../../../apps/api/src/catalog/catalog.service';
import { FIXTURES, ScratchCatalog } from './support/catalog-folder';
import { createCatalogTestApp } from './support/catalog-test-app';
import { createCatalogTestDatabase } from './support/catalog-test-database';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signedInAdmin, SignedIn } from '../../support/auth-helpers';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const name = { kk: 'Атауы', ru: 'Название', en: 'Name' };

describe('catalog REST API', () => {
  let db: { url: string; drop: () => Promise<void> };
  let app: NestFastifyApplication;
  let folder: ScratchCatalog;
  let admin: SignedIn;

  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) => {
    const res = await app.inject({ method, url, payload: payload as never, headers: admin.headers });
    return { status: res.statusCode, body: res.body ? (JSON.parse(res.body) as Json) : undefined };
  };

  beforeAll(async () => {
    db = await createCatalogTestDatabase();
    folder = new ScratchCatalog('valid');
    app = await createCatalogTestApp(db.url, { KUZET_CATALOG_DIR: folder.dir });
    await app.get(CatalogService).loadFromFolder(folder.dir);
    admin = await signedInAdmin(app, db.url);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
    folder?.dispose();
  });

  describe('reads', () => {
    it('GET /api/catalog/agencies and /agencies/:code', async () => {
      const list = await call('GET', '/api/catalog/agencies');
      expect(list.status).toBe(200);
      expect(list.body.map((a: Json) => a.code)).toEqual(['mju', 'nit']);
      expect(list.body[1]).toMatchObject({
        code: 'nit',
        source: 'folder',
        enabled: true,
        contacts: [{ kind: 'email', address: 'noc@nit.example' }, expect.anything(), expect.anything()],
      });
      const nit = await call('GET', '/api/catalog/agencies/nit');
      expect(nit.body.systems.map((s: Json) => s.code)).toEqual(['egov-gateway', 'egov-portal']);
      expect((await call('GET', '/api/catalog/agencies/nope')).status).toBe(404);
    });

    it('GET /api/catalog/systems with filters, agency code and depends_on', async () => {
      const all = await call('GET', '/api/catalog/systems');
      expect(all.body.map((s: Json) => s.code)).toEqual(['egov-gateway', 'egov-portal', 'gbd-fl']);
      expect(all.body[1]).toMatchObject({
        code: 'egov-portal',
        agency: 'nit',
        category: 'documents',
        tier: 'critical',
        public: true,
        depends_on: ['egov-gateway', 'gbd-fl'],
        slo_target: 99.9,
      });
      const codes = async (q: string) =>
        (await call('GET', `/api/catalog/systems?${q}`)).body.map((s: Json) => s.code);
      expect(await codes('agency=mju')).toEqual(['gbd-fl']);
      expect(await codes('tier=critical')).toEqual(['egov-gateway', 'egov-portal']);
      expect(await codes('public=true')).toEqual(['egov-portal']);
      expect(await codes('public=false&agency=nit')).toEqual(['egov-gateway']);
      expect(await codes('enabled=false')).toEqual([]);
    });

    it('GET /api/catalog/systems/:code with checks and dependents', async () => {
      const gateway = await call('GET', '/api/catalog/systems/egov-gateway');
      expect(gateway.body.dependents).toEqual(['egov-portal', 'gbd-fl']);
      const portal = await call('GET', '/api/catalog/systems/egov-portal');
      expect(portal.body.checks.map((c: Json) => c.key)).toEqual([
        'egov-portal/dns',
        'egov-portal/https',
        'egov-portal/push',
        'egov-portal/tcp',
        'egov-portal/tls',
      ]);
      expect(portal.body.checks.find((c: Json) => c.code === 'push')).toMatchObject({
        kind: 'heartbeat',
        target: null,
        interval_s: 60,
        push_token: expect.any(String),
      });
      expect((await call('GET', '/api/catalog/systems/nope')).status).toBe(404);
    });

    it('GET /api/catalog/checks?system= and /api/catalog/maintenance', async () => {
      const checks = await call('GET', '/api/catalog/checks?system=gbd-fl');
      expect(checks.body).toEqual([
        expect.objectContaining({
          key: 'gbd-fl/api',
          kind: 'http',
          interval_s: 15,
          timeout_s: 5,
          regions: ['local', 'astana'],
        }),
      ]);
      expect((await call('GET', '/api/catalog/checks')).body).toHaveLength(7);
      expect((await call('GET', '/api/catalog/checks/egov-portal/tls')).body.options).toMatchObject({
        servername: 'egov-portal.sim.kuzet.test',
      });
      const windows = await call('GET', '/api/catalog/maintenance');
      expect(windows.body[0]).toMatchObject({
        code: 'egov-night-works',
        systems: ['egov-gateway', 'egov-portal'],
        starts_at: '2026-11-30T20:00:00.000Z',
        starts_at_local: '2026-12-01T01:00:00',
        timezone: 'Asia/Almaty',
      });
      expect(windows.body[1]).toMatchObject({
        code: 'weekly-gateway-window',
        recurrence: 'FREQ=WEEKLY;BYDAY=SU',
        start_time: '02:00',
        duration_s: 7200,
      });
    });

    it('a bad query is a 400 naming the field', async () => {
      const res = await call('GET', '/api/catalog/systems?tier=urgent');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        statusCode: 400,
        errors: [{ field: 'tier', message: expect.stringMatching(/critical/) }],
      });
    });
  });

  describe('writes', () => {
    const apiSystem = {
      code: 'api-made',
      agency: 'nit',
      name,
      tier: 'normal',
      depends_on: ['egov-gateway'],
      checks: [{ code: 'ping', kind: 'http', target: 'https://api-made.example.kz/', interval: '30s' }],
    };

    it('400s name the field, for the schema and for the catalog rules', async () => {
      const badTier = await call('POST', '/api/catalog/systems', { ...apiSystem, tier: 'urgent' });
      expect(badTier.status).toBe(400);
      expect(badTier.body).toEqual({
        statusCode: 400,
        message: expect.stringMatching(/^Validation failed: tier: /),
        errors: [{ field: 'tier', message: expect.stringMatching(/expected one of/) }],
      });
      const many = await call('POST', '/api/catalog/systems', {
        ...apiSystem,
        code: 'Bad',
        name: { kk: 'a' },
        colour: 'red',
      });
      expect(many.body.errors.map((e: Json) => e.field).sort()).toEqual([
        'code',
        'colour',
        'name.en',
        'name.ru',
      ]);
      const rules = await call('POST', '/api/catalog/systems', {
        ...apiSystem,
        agency: 'nobody',
        depends_on: ['ghost'],
        checks: [
          { code: 'meta', kind: 'http', target: 'http://169.254.169.254/' },
          { code: 'fast', kind: 'tcp', target: 'egov.kz:443', interval: '0.5s' },
        ],
      });
      expect(rules.status).toBe(400);
      expect(rules.body.errors).toEqual([
        { field: 'agency', message: 'unknown agency "nobody"' },
        { field: 'depends_on[0]', message: 'unknown system "ghost"' },
        { field: 'checks[0].target', message: expect.stringMatching(/cloud metadata/) },
        { field: 'checks[1].interval', message: 'must be at least 1s (KUZET_MIN_INTERVAL_S), got 500ms' },
      ]);
      const notJson = await app.inject({
        method: 'POST',
        url: '/api/catalog/agencies',
        payload: '{nope',
        headers: { ...admin.headers, 'content-type': 'application/json' },
      });
      expect(notJson.statusCode).toBe(400);
      expect((await call('GET', '/api/catalog/systems/api-made')).status).toBe(404);
    });

    it('creates, changes and disables through the API with source "api"', async () => {
      const created = await call('POST', '/api/catalog/systems', apiSystem);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        code: 'api-made',
        source: 'api',
        enabled: true,
        depends_on: ['egov-gateway'],
        checks: [{ key: 'api-made/ping', source: 'api', timeout_s: 10 }],
      });
      expect((await call('POST', '/api/catalog/systems', apiSystem)).status).toBe(409);

      const patched = await call('PATCH', '/api/catalog/systems/api-made', {
        tier: 'high',
        slo_target: 99.5,
        category: 'documents',
      });
      expect(patched.body).toMatchObject({
        tier: 'high',
        slo_target: 99.5,
        category: 'documents',
        depends_on: ['egov-gateway'],
      });
      const cleared = await call('PATCH', '/api/catalog/systems/api-made', { slo_target: null });
      expect(cleared.body.slo_target).toBeNull();

      const cycle = await call('PATCH', '/api/catalog/systems/egov-gateway', { depends_on: ['egov-portal'] });
      expect(cycle.status).toBe(400);
      expect(cycle.body.errors).toEqual([
        { field: 'depends_on', message: 'dependency cycle: egov-gateway -> egov-portal -> egov-gateway' },
      ]);

      const beat = await call('POST', '/api/catalog/checks/api-made', {
        code: 'beat',
        kind: 'heartbeat',
        interval: '1m',
        options: { grace: '15s' },
      });
      expect(beat.status).toBe(201);
      expect(beat.body).toMatchObject({
        key: 'api-made/beat',
        push_token: expect.any(String),
        options: { grace_s: 15 },
      });
      const badCheck = await call('POST', '/api/catalog/checks/api-made', {
        code: 'x',
        kind: 'tcp',
        target: 'nope',
      });
      expect(badCheck.body.errors).toEqual([
        { field: 'target', message: expect.stringMatching(/host:port/) },
      ]);
      expect(
        (await call('POST', '/api/catalog/checks/ghost', { code: 'x', kind: 'tcp', target: 'egov.kz:443' }))
          .status,
      ).toBe(404);

      const slower = await call('PATCH', '/api/catalog/checks/api-made/ping', { interval: '4s' });
      expect(slower.body).toMatchObject({ interval_s: 4, timeout_s: 2 });
      const toTcp = await call('PATCH', '/api/catalog/checks/api-made/ping', {
        kind: 'tcp',
        target: 'api-made.example.kz:443',
      });
      expect(toTcp.body).toMatchObject({ kind: 'tcp', target: 'api-made.example.kz:443', options: {} });
      const badPatch = await call('PATCH', '/api/catalog/checks/api-made/ping', { timeout: '10s' });
      expect(badPatch.body.errors).toEqual([
        { field: 'timeout', message: 'must be less than the interval (4s), got 10s' },
      ]);

      const disabled = await call('DELETE', '/api/catalog/checks/api-made/beat');
      expect(disabled.body).toMatchObject({ enabled: false, push_token: beat.body.push_token });
      expect((await call('DELETE', '/api/catalog/systems/api-made')).body.enabled).toBe(false);
      expect((await call('GET', '/api/catalog/systems?enabled=false')).body.map((s: Json) => s.code)).toEqual(
        ['api-made'],
      );
      expect((await call('PATCH', '/api/catalog/systems/api-made', { enabled: true })).body.enabled).toBe(
        true,
      );
    });

    it('a short name (issue 16): set, read in lists and agency detail, bounded, removed', async () => {
      const short = { kk: 'API жүйе', ru: 'API-система', en: 'API system' };
      const created = await call('POST', '/api/catalog/systems', { ...apiSystem, code: 'api-short', short_name: short });
      expect(created.status).toBe(201);
      expect(created.body.short_name).toEqual(short);
      const listed = (await call('GET', '/api/catalog/systems?agency=nit')).body as Json[];
      expect(listed.find((s) => s.code === 'api-short')?.short_name).toEqual(short);
      expect(listed.find((s) => s.code === 'egov-gateway')?.short_name).toBeNull();
      const agency = await call('GET', '/api/catalog/agencies/nit');
      expect(agency.body.systems.find((s: Json) => s.code === 'api-short').short_name).toEqual(short);

      const tooLong = await call('PATCH', '/api/catalog/systems/api-short', { short_name: { ...short, ru: 'x'.repeat(41) } });
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.errors).toEqual([{ field: 'short_name.ru', message: expect.stringMatching(/at most 40 characters/) }]);
      const partial = await call('PATCH', '/api/catalog/systems/api-short', { short_name: { ru: 'Одна' } });
      expect(partial.body.errors.map((e: Json) => e.field).sort()).toEqual(['short_name.en', 'short_name.kk']);

      const removed = await call('PATCH', '/api/catalog/systems/api-short', { short_name: null, tier: 'high' });
      expect(removed.status).toBe(200);
      expect(removed.body).toMatchObject({ short_name: null, tier: 'high' });
      expect((await call('DELETE', '/api/catalog/systems/api-short')).status).toBe(200);
    });

    it('agencies and maintenance windows: create, patch, disable', async () => {
      const agency = await call('POST', '/api/catalog/agencies', {
        code: 'kgd',
        name,
        contacts: [{ kind: 'telegram', chat_id: -100500 }],
      });
      expect(agency.status).toBe(201);
      expect(agency.body).toMatchObject({
        code: 'kgd',
        source: 'api',
        contacts: [{ kind: 'telegram', chat_id: '-100500' }],
      });
      const badContact = await call('PATCH', '/api/catalog/agencies/kgd', {
        contacts: [{ kind: 'email', address: 'not-an-address' }],
      });
      expect(badContact.body.errors).toEqual([
        { field: 'contacts[0].address', message: 'expected an e-mail address' },
      ]);
      const policy = await call('PATCH', '/api/catalog/agencies/kgd', {
        contacts: [{ kind: 'telegram', chat_id: -100500, name: 'duty', language: 'kk' }],
        notifications: { group_wait: '10s', escalation: [{ after: '15m', contacts: ['duty'] }] },
      });
      expect(policy.status).toBe(200);
      expect(policy.body.notifications).toMatchObject({
        group_wait: 10,
        group_interval: 300,
        repeat_interval: 14400,
        escalation: [{ after: 900, contacts: ['duty'] }],
      });
      const badPolicy = await call('PATCH', '/api/catalog/agencies/kgd', {
        notifications: { escalation: [{ after: '15m', contacts: ['nobody'] }] },
      });
      expect(badPolicy.status).toBe(400);
      expect(badPolicy.body.errors).toEqual([
        {
          field: 'notifications.escalation[0].contacts[0]',
          message: 'unknown contact "nobody" (contacts need a name)',
        },
      ]);
      const otherSystem = await call('PATCH', '/api/catalog/agencies/kgd', {
        notifications: { systems: { 'egov-portal': { mute: true } } },
      });
      expect(otherSystem.status).toBe(400);
      expect(otherSystem.body.errors).toEqual([
        { field: 'notifications.systems.egov-portal', message: 'system "egov-portal" belongs to agency "nit"' },
      ]);
      expect((await call('DELETE', '/api/catalog/agencies/kgd')).body.enabled).toBe(false);

      const window = await call('POST', '/api/catalog/maintenance', {
        code: 'api-window',
        title: name,
        systems: ['api-made'],
        starts_at: '2027-01-10T23:00',
        ends_at: '2027-01-11T01:00',
      });
      expect(window.status).toBe(201);
      expect(window.body).toMatchObject({
        starts_at: '2027-01-10T18:00:00.000Z',
        ends_at: '2027-01-10T20:00:00.000Z',
        systems: ['api-made'],
      });
      const recurring = await call('PATCH', '/api/catalog/maintenance/api-window', {
        starts_at: null,
        ends_at: null,
        recurrence: 'FREQ=MONTHLY;BYDAY=1SU',
        start_time: '03:00',
        duration: '90m',
      });
      expect(recurring.body).toMatchObject({
        starts_at: null,
        recurrence: 'FREQ=MONTHLY;BYDAY=1SU',
        start_time: '03:00',
        duration_s: 5400,
      });
      const both = await call('PATCH', '/api/catalog/maintenance/api-window', {
        starts_at: '2027-01-10T23:00',
      });
      expect(both.status).toBe(400);
      const ghost = await call('PATCH', '/api/catalog/maintenance/api-window', { systems: ['ghost'] });
      expect(ghost.body.errors).toEqual([{ field: 'systems[0]', message: 'unknown system "ghost"' }]);
    });

    it('a folder reload keeps API-created items and restores folder items changed through the API', async () => {
      expect(
        (await call('PATCH', '/api/catalog/systems/egov-portal', { tier: 'internal' })).body,
      ).toMatchObject({ tier: 'internal', source: 'folder' });
      const reload = await call('POST', '/api/catalog/reload');
      expect(reload.status).toBe(200);
      expect(reload.body).toMatchObject({
        changed: true,
        summary: { systems: { added: 0, updated: 1, disabled: 0, unchanged: 2 } },
      });
      expect((await call('GET', '/api/catalog/systems/egov-portal')).body.tier).toBe('critical');
      expect((await call('GET', '/api/catalog/systems/api-made')).body).toMatchObject({
        enabled: true,
        source: 'api',
      });
      expect((await call('GET', '/api/catalog/agencies/kgd')).body).toMatchObject({ source: 'api' });
      expect((await call('GET', '/api/catalog/maintenance/api-window')).body).toMatchObject({
        source: 'api',
      });
      const again = await call('POST', '/api/catalog/reload');
      expect(again.body).toMatchObject({ changed: false, revision_id: null });
    });
  });

  describe('reload and validate', () => {
    it('POST /api/catalog/reload answers 422 with the error list and changes nothing', async () => {
      const before = await call('GET', '/api/catalog/systems');
      const original = folder.read('systems/gbd.yaml');
      folder.write(
        'systems/gbd.yaml',
        original.replace('tier: high', 'tier: urgent').replace('interval: 15', 'interval: soon'),
      );
      const res = await call('POST', '/api/catalog/reload');
      expect(res.status).toBe(422);
      expect(res.body).toEqual({
        statusCode: 422,
        message: 'catalog is invalid (2 errors); nothing was changed',
        errors: [
          {
            file: 'systems/gbd.yaml',
            line: 5,
            field: 'systems[0].tier',
            message: expect.stringMatching(/expected one of/),
          },
          {
            file: 'systems/gbd.yaml',
            line: 11,
            field: 'systems[0].checks[0].interval',
            message: expect.stringMatching(/duration/),
          },
        ],
      });
      expect(await call('GET', '/api/catalog/systems')).toEqual(before);
      folder.write('systems/gbd.yaml', original);
      expect((await call('POST', '/api/catalog/reload')).status).toBe(200);
    });

    it('POST /api/catalog/validate checks files and stores nothing', async () => {
      const agencies = readFileSync(join(FIXTURES, 'valid/agencies.yaml'), 'utf8');
      const good = await call('POST', '/api/catalog/validate', {
        files: { 'agencies.yaml': agencies.replace(/nit/g, 'new-agency') },
      });
      expect(good.status).toBe(200);
      expect(good.body).toEqual({
        valid: true,
        counts: { categories: 0, agencies: 2, systems: 0, checks: 0, maintenance: 0 },
        errors: [],
      });
      expect((await call('GET', '/api/catalog/agencies/new-agency')).status).toBe(404);

      const bad = await call('POST', '/api/catalog/validate', {
        files: {
          'a.yaml':
            'agencies:\n  - code: x\n    name: { kk: a, ru: b, en: c }\nsystems:\n  - code: s\n    agency: y\n    name: { kk: a, ru: b, en: c }\n    tier: normal\n',
        },
      });
      expect(bad.body).toMatchObject({
        valid: false,
        errors: [{ file: 'a.yaml', line: 6, field: 'systems[0].agency', message: 'unknown agency "y"' }],
      });

      const badRequest = await call('POST', '/api/catalog/validate', { files: { '../escape.yaml': '' } });
      expect(badRequest.status).toBe(400);
      expect(badRequest.body.errors[0].field).toBe('files.../escape.yaml');
      expect((await call('POST', '/api/catalog/validate', { files: {} })).body.errors).toEqual([
        { field: 'files', message: 'give at least one file' },
      ]);
      const huge = await app.inject({
        method: 'POST',
        url: '/api/catalog/validate',
        payload: { files: { 'a.yaml': 'x'.repeat(1024 * 1024 + 10) } },
        headers: admin.headers,
      });
      expect(huge.statusCode).toBe(413);
    });
  });

  it('bounds interval and timeout in REST writes and /api/catalog/validate, naming the field', async () => {
    const base = { code: 'huge', kind: 'http', target: 'https://huge.example.kz/' };
    for (const interval of [1e308, '99999999d', '2d']) {
      const created = await call('POST', '/api/catalog/checks/egov-portal', { ...base, interval });
      expect(created.status).toBe(400);
      expect(created.body.errors).toEqual([{ field: 'interval', message: expect.stringMatching(/^must be at most 1d, got /) }]);
    }
    const longTimeout = await call('POST', '/api/catalog/checks/egov-portal', { ...base, interval: '1d', timeout: '10m' });
    expect(longTimeout.body.errors).toEqual([{ field: 'timeout', message: 'must be at most 5m, got 10m' }]);
    const patched = await call('PATCH', '/api/catalog/checks/egov-portal/https', { interval: 1e308 });
    expect(patched.status).toBe(400);
    expect(patched.body.errors).toEqual([{ field: 'interval', message: 'must be at most 1d, got 1e+308' }]);
    expect((await call('GET', '/api/catalog/checks/egov-portal/huge')).status).toBe(404);
    const checks = '      - { code: huge, kind: http, target: "https://huge.example.kz/", interval: 1e308 }\n';
    const validated = await call('POST', '/api/catalog/validate', {
      files: {
        'a.yaml': `agencies:\n  - code: x\n    name: { kk: a, ru: b, en: c }\nsystems:\n  - code: s\n    agency: x\n    name: { kk: a, ru: b, en: c }\n    tier: normal\n    checks:\n${checks}`,
      },
    });
    expect(validated.body).toMatchObject({
      valid: false,
      errors: [{ file: 'a.yaml', line: 10, field: 'systems[0].checks[0].interval', message: 'must be at most 1d, got 1e+308' }],
    });
  });

  it('describes every route in the OpenAPI document', () => {
    const doc = cleanupOpenApiDoc(
      SwaggerModule.createDocument(app, new DocumentBuilder().setTitle('t').build()),
    );
    // Sign-in, users and audit routes come with AuthModule; they are tested under test/integration/auth.
    const own = Object.keys(doc.paths).filter((p) => !/^\/api\/(auth|users|audit)(\/|$)/.test(p));
    expect(own.sort()).toEqual([
      '/api/catalog/agencies',
      '/api/catalog/agencies/{code}',
      '/api/catalog/checks',
      '/api/catalog/checks/{system}',
      '/api/catalog/checks/{system}/{code}',
      '/api/catalog/maintenance',
      '/api/catalog/maintenance/{code}',
      '/api/catalog/reload',
      '/api/catalog/systems',
      '/api/catalog/systems/{code}',
      '/api/catalog/validate',
    ]);
    const post = doc.paths['/api/catalog/systems'].post!;
    expect(JSON.stringify(post.requestBody)).toMatch(/SystemCreateDto|"tier"/);
    expect(JSON.stringify(doc.paths['/api/catalog/checks/{system}'].post!.requestBody)).toMatch(
      /CheckCreateDto/,
    );
    expect(JSON.stringify(doc.components?.schemas?.CheckCreateDto)).toMatch(/heartbeat/);
  });
});
