import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CheckOutcome, CheckSpec, HttpCheckRunner } from '@kuzet/checks';

/**
 * A check's credentials go only to the origin they were written for: a redirect to another origin
 * (another host, port or scheme) drops the credential headers, and a redirect that would resend
 * the request body elsewhere is not followed. Real loopback servers on two ports (two origins).
 */
describe('http runner: credentials and redirects', () => {
  const seen: { server: 'a' | 'b'; url: string; method: string; headers: IncomingHttpHeaders; body: string }[] = [];
  let a: Server;
  let b: Server;
  let portA: number;
  let portB: number;
  const http = new HttpCheckRunner();

  const listen = (name: 'a' | 'b', redirect: (url: string) => [number, string] | undefined) => {
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ server: name, url: req.url ?? '', method: req.method ?? '', headers: req.headers, body });
        const to = redirect(req.url ?? '');
        if (to) res.writeHead(to[0], { location: to[1] }).end();
        else res.writeHead(200).end('ok');
      });
    });
    return new Promise<Server>((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
  };

  beforeAll(async () => {
    b = await listen('b', () => undefined);
    portB = (b.address() as AddressInfo).port;
    a = await listen('a', (url) => {
      if (url === '/same') return [302, '/landing'];
      if (url === '/other') return [302, `http://127.0.0.1:${portB}/landing`];
      if (url === '/other-307') return [307, `http://127.0.0.1:${portB}/login`];
      return undefined;
    });
    portA = (a.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((r) => a?.close(r));
    await new Promise((r) => b?.close(r));
  });
  beforeEach(() => (seen.length = 0));

  const spec = (path: string, options: CheckSpec['options'] = {}): CheckSpec => ({
    kind: 'http',
    target: `http://127.0.0.1:${portA}${path}`,
    timeoutMs: 3000,
    conditions: [],
    thresholds: {},
    options: {
      headers: { Authorization: 'Bearer s3cret', 'X-Api-Key': 'k3y', Cookie: 'sid=1', Accept: 'text/plain' },
      ...options,
    },
  });

  it('keeps the headers on a redirect within the origin', async () => {
    const r = await http.check(spec('/same'));
    expect(r.outcome).toBe(CheckOutcome.Up);
    expect(seen.map((s) => s.server)).toEqual(['a', 'a']);
    expect(seen[1].headers).toMatchObject({ authorization: 'Bearer s3cret', 'x-api-key': 'k3y', cookie: 'sid=1' });
  });

  it('drops the credential headers on a redirect to another origin, keeps the others', async () => {
    const r = await http.check(spec('/other'));
    expect(r.outcome).toBe(CheckOutcome.Up);
    expect(seen.map((s) => s.server)).toEqual(['a', 'b']);
    expect(seen[0].headers.authorization).toBe('Bearer s3cret');
    expect(seen[1].headers.authorization).toBeUndefined();
    expect(seen[1].headers['x-api-key']).toBeUndefined();
    expect(seen[1].headers.cookie).toBeUndefined();
    expect(seen[1].headers.accept).toBe('text/plain');
  });

  it('does not resend the request body to another origin: the run fails, naming the redirect', async () => {
    const r = await http.check(spec('/other-307', { method: 'POST', body: 'password=s3cret' }));
    expect(r.outcome).toBe(CheckOutcome.Down);
    expect(r.errorMessage).toMatch(/another origin/);
    expect(seen.map((s) => s.server)).toEqual(['a']);
  });

  it('sends basic_auth as an Authorization: Basic header, and not to another origin', async () => {
    const basic = { headers: { Accept: 'text/plain' }, basic_auth: { username: 'kuzet', password: 'pa:ss w0rd' } };
    expect((await http.check(spec('/same', basic))).outcome).toBe(CheckOutcome.Up);
    const expected = `Basic ${Buffer.from('kuzet:pa:ss w0rd').toString('base64')}`;
    expect(seen.map((s) => s.headers.authorization)).toEqual([expected, expected]);
    seen.length = 0;
    expect((await http.check(spec('/other', basic))).outcome).toBe(CheckOutcome.Up);
    expect(seen.map((s) => [s.server, s.headers.authorization])).toEqual([
      ['a', expected],
      ['b', undefined],
    ]);
  });
});
