import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { AuthTestApp, startAuthTestApp } from '../auth/support/auth-test-app';

const REPO = resolve(__dirname, '../../..');
const TOKEN = 'scrape-token-0123456789abcdef';

interface RuleFile {
  groups: { rules: { alert?: string; record?: string; expr: string }[] }[];
}

/** Every kuzet_* name the alert rules query. */
function ruleMetricNames(): Set<string> {
  const file = parse(readFileSync(resolve(REPO, 'prometheus/kuzet-alerts.yml'), 'utf8')) as RuleFile;
  const names = new Set<string>();
  for (const group of file.groups) for (const rule of group.rules) for (const m of rule.expr.matchAll(/\bkuzet_[a-z0-9_]+/g)) names.add(m[0]);
  return names;
}

/** The names a scrape exposes: every family of a # TYPE line, with a histogram's _bucket, _sum and _count. */
function exposedNames(body: string): Set<string> {
  const names = new Set<string>();
  for (const m of body.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    names.add(m[1]);
    if (m[2] === 'histogram' || m[2] === 'summary') for (const suffix of ['_bucket', '_sum', '_count']) names.add(`${m[1]}${suffix}`);
  }
  return names;
}

describe('every metric name in prometheus/kuzet-alerts.yml is exposed by /metrics (whole app, real PostgreSQL)', () => {
  let t: AuthTestApp;
  beforeAll(async () => (t = await startAuthTestApp({ KUZET_METRICS_TOKEN: TOKEN })));
  afterAll(async () => t?.close());

  it('finds each name of the rules in the scrape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.statusCode).toBe(200);
    const exposed = exposedNames(res.body);
    const used = ruleMetricNames();
    expect(used.size).toBeGreaterThan(10);
    expect(used.has('kuzet_leader')).toBe(true);
    const missing = [...used].filter((n) => !exposed.has(n));
    expect(missing).toEqual([]);
  });
});
