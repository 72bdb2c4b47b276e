import type { Role } from '@kuzet/contracts';
import fc from 'fast-check';
import { dataSourceExecutor } from '../../../apps/api/src/database/sql-executor';
import { ProbeTokensRepository } from '../../../apps/api/src/probing/tokens/probe-tokens.repository';
import { ProbeTokensService } from '../../../apps/api/src/probing/tokens/probe-tokens.service';
import { signedInAs } from '../../support/auth-helpers';
import { seedCatalog, SeededCatalog } from '../incidents/support/incidents-test-app';
import { AuthTestApp, startAuthTestApp } from '../auth/support/auth-test-app';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
type Caller = 'anonymous' | 'viewer' | 'operator' | 'duty' | 'admin' | 'probe';
const CALLERS: Caller[] = ['anonymous', 'viewer', 'operator', 'duty', 'admin', 'probe'];
const ROLE_OF: Record<Exclude<Caller, 'anonymous' | 'probe'>, { role: Role; agency?: string }> = {
  viewer: { role: 'viewer' },
  operator: { role: 'agency_operator', agency: 'nit' },
  duty: { role: 'duty_officer' },
  admin: { role: 'admin' },
};
/** Runs per route and caller: enough to meet every kind of hostile value over the suite, in bounded time. */
const RUNS = Number(process.env.HOSTILE_RUNS ?? 3);

/** Strings an attacker tries: NUL, control and lone-surrogate characters, huge and odd numbers, injections, oversized. */
const hostileString = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\u0000\u0001\u001f\u007f',
    '\uD800',
    '\uFFFF\uFFFE',
    '1e308',
    '-1e308',
    '99999999999999999999999',
    '-0',
    'NaN',
    'Infinity',
    '0x7fffffff',
    "' OR 1=1 --",
    '../../etc/passwd',
    '<script>alert(1)</script>',
    '${env:HOME}',
    '𝕂𝕦𝕫𝕖𝕥 ⚠️ ҚАЗАҚ',
    '2026-02-30T25:61:00Z',
    'x'.repeat(100_000),
  ),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }).map((s) => `${s}\u0000`),
);

/** Any JSON-ish value, hostile strings and numbers included, and deep nesting. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -1, 0, 2 ** 31, 1.5, true, false, null),
  fc.constantFrom(10, 60, 1000).map(nest),
  fc.jsonValue({ maxDepth: 3 }),
  fc.array(hostileString, { maxLength: 3 }),
);

function nest(depth: number): unknown {
  let v: unknown = 'deep\u0000';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/** A path segment: a valid identifier sometimes (to reach the handlers' deeper paths), hostile otherwise. */
function pathValue(valid: string[]): fc.Arbitrary<string> {
  const raw = fc.oneof(
    fc.constantFrom('%00', 'a%00b', '%', '%E0%A4%A', '%ED%A0%80', '..%2F..', '%2e%2e', '-1', '0', '1e308', '99999999999999999999', '1.5'),
    hostileString.map(encodeSegment),
  );
  return valid.length ? fc.oneof(fc.constantFrom(...valid), raw) : raw;
}

function encodeSegment(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ED%A0%80'; // a lone surrogate: its (invalid) UTF-8 bytes
  }
}

interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  queryParams: string[];
  bodyProps: string[];
  hasBody: boolean;
}

function operationsOf(doc: Json): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Json>>))
    for (const [method, op] of Object.entries(item)) {
      const params = (op.parameters ?? []) as { name: string; in: string }[];
      let schema = op.requestBody?.content?.['application/json']?.schema;
      if (schema?.$ref) schema = doc.components.schemas[String(schema.$ref).split('/').pop()!];
      ops.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: params.filter((p) => p.in === 'query').map((p) => p.name),
        bodyProps: Object.keys(schema?.properties ?? {}),
        hasBody: ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method.toUpperCase()),
      });
    }
  return ops;
}

/** A stack trace or an internal error name in a response body is a leak. */
const STACK = /\bat [\w$.<>]+ \(|\n\s+at |node_modules|\.ts:\d+|\.js:\d+:\d+|QueryFailedError|TypeError|ReferenceError/;

/**
 * Every route of the OpenAPI document, as every role and as a probe agent, with random and
 * hostile path parameters, query parameters and bodies: never a 5xx, never a stack trace.
 */
describe('hostile input on every route (property test)', () => {
  let t: AuthTestApp;
  let seed: SeededCatalog;
  let ops: Operation[];
  let probeToken: string;
  let valid: Record<string, string[]>;

  beforeAll(async () => {
    t = await startAuthTestApp({ KUZET_LOGIN_RATE_LIMIT: '10000', KUZET_PROBE_POLL_WAIT_S: '1' }, async (ds) => {
      seed = await seedCatalog(ds);
    });
    ops = operationsOf(JSON.parse((await t.app.inject({ method: 'GET', url: '/api/docs-json' })).body));
    probeToken = (await new ProbeTokensService(new ProbeTokensRepository(dataSourceExecutor(t.ds))).create('almaty', 'hostile')).token;
    const [incident] = await t.ds.query(
      `INSERT INTO incidents (system_id, agency_id, kind, status, severity, state, public_state, opened_at, last_failure_at,
         title_kk, title_ru, title_en, open_key)
       VALUES ($1, $2, 'root', 'major_outage', 'sev1', 'open', 'investigating', now(), now(), 't', 't', 't', 'hostile') RETURNING id`,
      [seed.systemIds.portal, seed.agencyIds.nit],
    );
    valid = {
      code: ['portal', 'nit', 'gateway'],
      system: ['portal', 'registry'],
      id: [String(incident.id), String(seed.checkIds.portal)],
      token: [],
    };
  });
  afterAll(async () => t?.close());

  it('finds the routes in the OpenAPI document', () => {
    expect(ops.length).toBeGreaterThan(30);
  });

  /** Fresh sessions per route: a random write may sign a caller out or change its role. */
  async function headersOf(): Promise<Record<Caller, Record<string, string>>> {
    const out: Partial<Record<Caller, Record<string, string>>> = { anonymous: {}, probe: { authorization: `Bearer ${probeToken}` } };
    for (const who of Object.keys(ROLE_OF) as (keyof typeof ROLE_OF)[]) out[who] = (await signedInAs(t.app, t.ds, ROLE_OF[who])).headers;
    return out as Record<Caller, Record<string, string>>;
  }

  it('answers every route as every caller with a 4xx or success, never a 5xx or a stack trace', async () => {
    const failures: string[] = [];
    // Reported with any failure: fc.check with this seed replays the same requests.
    const seed = Date.now();
    let sample = 0;
    for (const op of ops) {
      const headers = await headersOf();
      const request = fc.record({
        path: fc.tuple(...op.pathParams.map((p) => pathValue(valid[p] ?? []))),
        query: fc.array(fc.tuple(fc.constantFrom(...op.queryParams, 'extra', 'limit', 'from'), hostileString), { maxLength: 4 }),
        body: fc.oneof(
          fc.record(Object.fromEntries(op.bodyProps.map((p) => [p, hostileValue])), { requiredKeys: [] }),
          hostileValue,
          fc.dictionary(hostileString.filter((k) => k.length < 50), hostileValue, { maxKeys: 4 }),
        ),
      });
      for (const caller of CALLERS) {
        sample += 1;
        const answersSafely = fc.asyncProperty(request, async (r) => {
          let i = 0;
          const path = op.path.replace(/\{\w+\}/g, () => r.path[i++]);
          const query = r.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeSegment(v)}`).join('&');
          const url = query ? `${path}?${query}` : path;
          const res = await t.app.inject({
            method: op.method as never,
            url,
            headers: { ...headers[caller], ...(op.hasBody ? { 'content-type': 'application/json' } : {}) },
            ...(op.hasBody ? { payload: JSON.stringify(r.body) ?? 'null' } : {}),
          });
          if (res.statusCode >= 500 || STACK.test(res.body))
            throw new Error(`${caller} ${op.method} ${url.slice(0, 200)} -> ${res.statusCode} ${res.body.slice(0, 300)}`);
        });
        // No shrinking (endOnFailure): the failing request itself is reported, and the run stays short.
        const report = await fc.check(answersSafely, { numRuns: RUNS, seed: seed + sample, endOnFailure: true });
        if (report.failed) failures.push(`seed ${seed + sample}: ${String((report.errorInstance as Error)?.message ?? report.counterexample).slice(0, 600)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
