import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { makeCliRoot } from './support/cli-root';

const SAMPLES = resolve(__dirname, '../../fixtures/import');

/**
 * `kuzet import` as a user runs it (a child process on a fresh build), on sample files written
 * from Gatus's and Uptime Kuma's documented formats; its output must pass `kuzet validate`, and
 * every source entry must be either imported or named by a warning (nothing dropped silently).
 */
describe('kuzet import (CLI) on Gatus and Uptime Kuma samples', () => {
  let root: string;
  let out: string;
  const kuzet = (...args: string[]) => {
    const r = spawnSync(process.execPath, [join(root, 'scripts/kuzet.js'), ...args], {
      encoding: 'utf8',
      timeout: 60_000,
      // The sample login check refers to these, as a catalog repository would.
      env: { ...process.env, API_TOKEN: 'token', PROBE_PASSWORD: 'secret' },
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const importInto = (sample: string, dir: string, ...args: string[]) => {
    const folder = join(out, dir);
    const r = kuzet('import', join(SAMPLES, sample), '--out', join(folder, 'catalog.yaml'), ...args);
    return { ...r, folder, doc: r.code === 0 ? (parse(readFileSync(join(folder, 'catalog.yaml'), 'utf8')) as Imported) : undefined };
  };

  beforeAll(() => {
    root = makeCliRoot({ build: true });
    out = mkdtempSync(join(tmpdir(), 'kuzet-import-'));
  });
  afterAll(() => {
    for (const dir of [root, out]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('imports the Gatus config into a catalog that kuzet validate accepts', () => {
    const r = importInto('gatus-config.yaml', 'gatus');
    expect(r.code).toBe(0);
    expect(kuzet('validate', r.folder)).toMatchObject({ code: 0, stdout: 'OK: 1 agency, 8 systems, 8 checks\n' });
    const doc = r.doc!;
    expect(doc.systems.map((s) => `${s.code}:${s.checks[0].kind}`)).toEqual([
      'website:http',
      'api-login:http',
      'fast-poll:http',
      'postgres:tcp',
      'mail-tls:tls',
      'example-dns:dns',
      'legacy-portal:http',
      'nightly-backup:heartbeat',
    ]);
    const source = parse(readFileSync(join(SAMPLES, 'gatus-config.yaml'), 'utf8')) as { endpoints: { name: string }[] };
    expectEveryEntryAccountedFor(source.endpoints.map((e) => e.name), doc, r.stderr);
    for (const line of [
      /^warning: gateway ping: icmp endpoint .* not imported$/m,
      /^warning: storage: top-level "storage" is not imported/m,
      /^warning: alerting\.slack: alerting provider "slack" is not imported/m,
      /^warning: core\/website: "alerts" is not imported$/m,
      /^warning: core\/api login: client\.insecure is not imported$/m,
      /^warning: core\/legacy portal: condition "\[BODY\] =~ UP" is not supported/m,
      /^warning: fast poll: interval 5s is below Kuzet's minimum; raised to 10s$/m,
    ])
      expect(r.stderr).toMatch(line);
    expect(r.stderr).toMatch(/^imported \(gatus\): 8 systems, 4 categories, 2 contacts; \d+ warnings$/m);
  });

  it('imports the Uptime Kuma backup into a catalog that kuzet validate accepts', () => {
    const r = importInto('uptime-kuma-backup.json', 'kuma', '--agency', 'ops', '--agency-name', 'Operations');
    expect(r.code).toBe(0);
    expect(kuzet('validate', r.folder)).toMatchObject({ code: 0, stdout: 'OK: 1 agency, 7 systems, 7 checks\n' });
    const doc = r.doc!;
    expect(doc.agencies).toEqual([expect.objectContaining({ code: 'ops', name: { kk: 'Operations', ru: 'Operations', en: 'Operations' } })]);
    expect(doc.agencies[0].contacts?.map((c) => c.kind)).toEqual(['email', 'webhook', 'telegram']);
    expect(doc.systems.map((s) => `${s.code}:${s.checks[0].kind}`)).toEqual([
      'citizen-portal:http',
      'registry-search:http',
      'maintenance-banner-off:http',
      'mail-server-smtp:tcp',
      'portal-dns:dns',
      'nightly-export:heartbeat',
      'old-api:http',
    ]);
    const source = JSON.parse(readFileSync(join(SAMPLES, 'uptime-kuma-backup.json'), 'utf8')) as { monitorList: { name: string; type: string }[] };
    expectEveryEntryAccountedFor(source.monitorList.filter((m) => m.type !== 'group').map((m) => m.name), doc, r.stderr);
    expect(r.stderr).toMatch(/^warning: monitor "Core router": type "ping" has no Kuzet check kind/m);
    expect(r.stderr).toMatch(/^warning: monitor "Billing DB": type "postgres" has no Kuzet check kind/m);
    expect(r.stderr).toMatch(/^warning: notification "Team Discord": notification type "discord" is not imported/m);
  });

  it('refuses a file of another format (exit 2, no output file)', () => {
    const r = kuzet('import', join(SAMPLES, 'uptime-kuma-backup.json'), '--format', 'gatus');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a Gatus configuration/);
    expect(r.stdout).toBe('');
  });
});

interface Imported {
  agencies: { code: string; name: Record<string, string>; contacts?: { kind: string }[] }[];
  systems: { code: string; name: { en: string }; checks: { kind: string }[] }[];
}

function expectEveryEntryAccountedFor(names: string[], doc: Imported, stderr: string): void {
  const imported = new Set(doc.systems.map((s) => s.name.en));
  for (const name of names) {
    if (imported.has(name)) continue;
    expect(stderr).toMatch(new RegExp(`^warning: (monitor ")?(\\S+/)?${name}"?: .*not imported`, 'm'));
  }
}
