import { AdminApi, AdminApiError } from './admin-api';

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

describe('AdminApi', () => {
  const realFetch = globalThis.fetch;
  let calls: Call[];
  let answer: { status: number; body: unknown };
  beforeEach(() => {
    calls = [];
    answer = { status: 200, body: {} };
    globalThis.fetch = (async (url: string, init: RequestInit) => {
      calls.push({ url, method: init.method ?? 'GET', headers: init.headers as Record<string, string>, body: init.body as string | undefined });
      return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
  });
  afterAll(() => {
    globalThis.fetch = realFetch;
  });

  it('sends the session CSRF token on writes only', async () => {
    const api = new AdminApi('csrf-1');
    await api.users();
    await api.createUser({ email: 'a@b.kz', role: 'viewer', password: 'long-enough-1' });
    await api.updateUser(7, { disabled: true });
    expect(calls.map((c) => [c.method, c.url, c.headers['x-csrf-token'] ?? null])).toEqual([
      ['GET', '/api/users', null],
      ['POST', '/api/users', 'csrf-1'],
      ['PATCH', '/api/users/7', 'csrf-1'],
    ]);
    expect(JSON.parse(calls[2].body!)).toEqual({ disabled: true });
  });

  it('asks the audit log with only the filters given, the cursor and the page size', async () => {
    answer.body = { items: [], next_cursor: null };
    const api = new AdminApi('t');
    await api.audit({ actor: 'admin@x.kz', action: 'user', from: undefined, to: '' });
    await api.audit({}, 42, 10);
    expect(calls.map((c) => c.url)).toEqual(['/api/audit?actor=admin%40x.kz&action=user&limit=50', '/api/audit?cursor=42&limit=10']);
  });

  it('keeps the fields a refusal names', async () => {
    answer = { status: 400, body: { statusCode: 400, message: 'Validation failed: agency: an agency_operator needs an agency', errors: [{ field: 'agency', message: 'an agency_operator needs an agency' }, { bogus: 1 }] } };
    const err = await new AdminApi('t').createUser({ email: 'a@b.kz', role: 'agency_operator', password: 'long-enough-1' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AdminApiError);
    expect(err).toMatchObject({ status: 400, problems: [{ field: 'agency', message: 'an agency_operator needs an agency' }] });
  });
});
