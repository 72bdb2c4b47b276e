import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuthTestApp, startAuthTestApp } from '../auth/support/auth-test-app';
import { signedInAs, SignedIn } from '../../support/auth-helpers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/**
 * A webhook contact's own signing secrets: `${env:NAME}` in the catalog folder only, never
 * answered by the API (placeholders), kept by a PATCH that sends the placeholders back, and
 * validated with the file and line. The whole application on real PostgreSQL.
 */
describe('webhook contact secrets', () => {
  const SECRET = `whsec_${randomBytes(24).toString('base64')}`;
  let dir: string;
  let env: AuthTestApp;
  let admin: SignedIn;

  const catalogYaml = (variable = 'NIT_HOOK_SECRET') => `
agencies:
  - code: nit
    name: { kk: НИТ, ru: НИТ, en: NIT }
    contacts:
      - kind: webhook
        url: https://hooks.nit.kz/kuzet
        secrets: ["\${env:${variable}}"]
      - kind: webhook
        url: https://shared.nit.kz/kuzet
`;

  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
    const res = await env.app.inject({ method, url, payload: payload as never, headers: admin.headers });
    return { status: res.statusCode, text: res.body, body: res.body ? (JSON.parse(res.body) as Json) : undefined };
  };
  const storedContacts = async (): Promise<Json> =>
    (await env.ds.query(`SELECT contacts FROM agencies WHERE code = 'nit'`))[0].contacts;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kuzet-hook-secrets-'));
    writeFileSync(join(dir, 'catalog.yaml'), catalogYaml());
    env = await startAuthTestApp({ KUZET_CATALOG_DIR: dir, NIT_HOOK_SECRET: SECRET, NOT_A_WEBHOOK_SECRET: 'hunter2' });
    admin = await signedInAs(env.app, env.ds, { role: 'admin' });
  });
  afterAll(async () => {
    await env?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('stores the reference, and the API shows a placeholder in its place', async () => {
    expect((await storedContacts())[0].secrets).toEqual(['${env:NIT_HOOK_SECRET}']);
    const view = await call('GET', '/api/catalog/agencies/nit');
    expect(view.status).toBe(200);
    expect(view.body.contacts[0].secrets).toEqual([{ secret: true }]);
    expect(view.body.contacts[1].secrets).toBeUndefined();
    expect(view.text).not.toContain('NIT_HOOK_SECRET');
    expect(view.text).not.toContain(SECRET);
    const list = await call('GET', '/api/catalog/agencies');
    expect(list.text).not.toContain('NIT_HOOK_SECRET');
  });

  it('a PATCH of the policy, or of the contacts with the placeholders sent back, keeps the stored secrets', async () => {
    const policy = await call('PATCH', '/api/catalog/agencies/nit', { notifications: { group_wait: '10s' } });
    expect(policy.status).toBe(200);
    expect((await storedContacts())[0].secrets).toEqual(['${env:NIT_HOOK_SECRET}']);
    const view = (await call('GET', '/api/catalog/agencies/nit')).body;
    const contacts = await call('PATCH', '/api/catalog/agencies/nit', { contacts: view.contacts.map((c: Json) => ({ ...c, language: 'kk' })) });
    expect(contacts.status).toBe(200);
    expect(contacts.body.contacts[0]).toMatchObject({ language: 'kk', secrets: [{ secret: true }] });
    expect((await storedContacts())[0].secrets).toEqual(['${env:NIT_HOOK_SECRET}']);
  });

  it('an env reference through the API, a placeholder with nothing stored, or a literal secret is a 400 naming the field', async () => {
    const ref = await call('PATCH', '/api/catalog/agencies/nit', {
      contacts: [{ kind: 'webhook', url: 'https://hooks.nit.kz/kuzet', secrets: ['${env:NIT_HOOK_SECRET}'] }],
    });
    expect(ref.status).toBe(400);
    expect(ref.body.errors[0]).toMatchObject({ field: 'contacts[0].secrets[0]' });
    expect(ref.body.errors[0].message).toMatch(/catalog folder/);
    const moved = await call('PATCH', '/api/catalog/agencies/nit', {
      contacts: [{ kind: 'webhook', url: 'https://elsewhere.example/kuzet', secrets: [{ secret: true }] }],
    });
    expect(moved.status).toBe(400);
    expect(moved.body.errors[0]).toMatchObject({ field: 'contacts[0].secrets[0]' });
    const literal = await call('POST', '/api/catalog/agencies', {
      code: 'lit',
      name: { kk: 'L', ru: 'L', en: 'L' },
      contacts: [{ kind: 'webhook', url: 'https://lit.kz/hook', secrets: [SECRET] }],
    });
    expect(literal.status).toBe(400);
    expect(literal.body.errors[0].field).toBe('contacts[0].secrets[0]');
    expect(literal.text).not.toContain(SECRET);
    expect((await storedContacts())[0].secrets).toEqual(['${env:NIT_HOOK_SECRET}']);
  });

  it('an unset variable, or one that is not a whsec_ secret, is a line-numbered catalog error', async () => {
    for (const [variable, message] of [
      ['KUZET_TEST_UNSET_HOOK_SECRET', 'environment variable KUZET_TEST_UNSET_HOOK_SECRET is not set'],
      ['NOT_A_WEBHOOK_SECRET', 'the variable of ${env:NOT_A_WEBHOOK_SECRET} is not a Standard Webhooks secret (whsec_<base64>)'],
    ]) {
      const validated = await call('POST', '/api/catalog/validate', { files: { 'catalog.yaml': catalogYaml(variable) } });
      expect(validated.status).toBe(200);
      expect(validated.body.valid).toBe(false);
      expect(validated.body.errors).toEqual([
        expect.objectContaining({ file: 'catalog.yaml', line: 8, field: 'agencies[0].contacts[0].secrets[0]', message }),
      ]);
      expect(validated.text).not.toContain('hunter2');
    }
  });
});
