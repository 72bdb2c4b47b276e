import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES } from './support/catalog-folder';
import { makeCliRoot } from './support/cli-root';

describe('kuzet validate (CLI)', () => {
  let built: string;
  let unbuilt: string;
  const kuzetWithEnv = (env: Record<string, string>, root: string, ...args: string[]) => {
    const r = spawnSync(process.execPath, [join(root, 'scripts/kuzet.js'), ...args], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, ...env },
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const kuzet = (root: string, ...args: string[]) => kuzetWithEnv({}, root, ...args);

  beforeAll(() => {
    built = makeCliRoot({ build: true });
    unbuilt = makeCliRoot({ build: false });
  });

  afterAll(() => {
    for (const root of [built, unbuilt]) if (root) rmSync(root, { recursive: true, force: true });
  });

  it('exits 0 with counts for a valid folder', () => {
    const r = kuzet(built, 'validate', join(FIXTURES, 'valid'), '--allow', '127.0.0.0/8');
    expect(r).toMatchObject({ code: 0, stdout: 'OK: 2 agencies, 3 systems, 7 checks\n' });
  });

  it('exits 1 with one file:line: field: message line per error', () => {
    const r = kuzet(built, 'validate', join(FIXTURES, 'bad-refs'));
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([
      'catalog.yaml:9: systems[0].agency: unknown agency "nitt"',
      'catalog.yaml:12: systems[0].category: unknown category "documentz"',
      'catalog.yaml:15: systems[0].depends_on[1]: unknown system "gbd-fl"',
      'catalog.yaml:23: maintenance[0].systems[1]: unknown system "egov-mobile"',
    ]);
    expect(r.stderr).toBe('invalid: 4 errors\n');
    expect(kuzet(built, 'validate', join(FIXTURES, 'bad-syntax')).stdout).toMatch(/^systems\.yaml:7:5: /);
  });

  it('applies --min-interval and --allow like KUZET_MIN_INTERVAL_S and KUZET_PROBE_ALLOW', () => {
    const strict = kuzet(built, 'validate', join(FIXTURES, 'valid'));
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(
      /systems\/egov\.yaml:13: systems\[0\]\.checks\[0\]\.target: refused by the probe network policy: 127\.0\.0\.1 is a loopback address/,
    );
    const slow = kuzet(
      built,
      'validate',
      join(FIXTURES, 'valid'),
      '--allow',
      '10.0.0.0/8,127.0.0.0/8',
      '--min-interval',
      '20',
    );
    expect(slow.code).toBe(1);
    expect(slow.stdout).toBe(
      'systems/gbd.yaml:11: systems[0].checks[0].interval: must be at least 20s (KUZET_MIN_INTERVAL_S), got 15s\n',
    );
    const json = kuzet(built, 'validate', join(FIXTURES, 'bad-cycle'), '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({
      valid: false,
      errors: [
        { field: 'systems[1].depends_on[0]', message: 'dependency cycle: a -> b -> c -> a' },
        expect.anything(),
      ],
    });
  });

  it('exits 1 for a missing folder and 2 for usage errors', () => {
    expect(kuzet(built, 'validate', join(FIXTURES, 'nope'))).toMatchObject({
      code: 1,
      stdout: expect.stringMatching(/catalog folder not found/),
    });
    expect(kuzet(built, 'validate', join(FIXTURES, 'valid'), '--allow', '300.0.0.0/8')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/not a CIDR/),
    });
    expect(kuzet(built, 'validate').code).not.toBe(0);
  });

  it('resolves ${env:NAME} in check secrets against its own environment', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kuzet-cli-env-'));
    try {
      writeFileSync(
        join(dir, 'catalog.yaml'),
        [
          'agencies:',
          '  - { code: nit, name: { kk: a, ru: b, en: c } }',
          'systems:',
          '  - code: s',
          '    agency: nit',
          '    name: { kk: a, ru: b, en: c }',
          '    tier: normal',
          '    checks:',
          '      - code: x',
          '        kind: http',
          '        target: https://egov.kz/',
          '        options:',
          '          headers: { Authorization: "Bearer ${env:KUZET_CLI_TEST_TOKEN}" }',
          '',
        ].join('\n'),
      );
      const unset = kuzetWithEnv({ KUZET_CLI_TEST_TOKEN: '' }, built, 'validate', dir);
      expect(unset).toMatchObject({
        code: 1,
        stdout: 'catalog.yaml:13: systems[0].checks[0].options.headers.Authorization: environment variable KUZET_CLI_TEST_TOKEN is not set\n',
      });
      expect(kuzetWithEnv({ KUZET_CLI_TEST_TOKEN: 'tok' }, built, 'validate', dir)).toMatchObject({ code: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('asks for a build when the compiled code is missing', () => {
    const r = kuzet(unbuilt, 'validate', join(FIXTURES, 'valid'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the compiled code is missing .*\nRun `npm run build`/);
  });
});
