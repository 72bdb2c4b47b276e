import { CatalogProblem, formatCatalogProblem } from '@kuzet/contracts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CatalogValidationError } from '../catalog.errors';
import { CatalogFolderReader } from './catalog-folder.reader';
import { CatalogLoaderService, CatalogPolicy } from './catalog-loader.service';

const FIXTURES = resolve(__dirname, '../../../../../test/fixtures/catalog');
const loader = new CatalogLoaderService(new CatalogFolderReader());
const noEnv = () => undefined;
const demoPolicy: CatalogPolicy = { minIntervalS: 10, probeAllow: ['127.0.0.0/8'], env: noEnv };

async function problemsOf(fixture: string, policy: CatalogPolicy = demoPolicy): Promise<CatalogProblem[]> {
  try {
    await loader.loadFolder(join(FIXTURES, fixture), policy);
  } catch (e) {
    if (e instanceof CatalogValidationError) return e.problems;
    throw e;
  }
  throw new Error(`${fixture} was expected to be invalid`);
}

/** Validates one in-memory YAML file and returns its problems as printed lines. */
function linesOf(
  yaml: string,
  policy: CatalogPolicy = demoPolicy,
  extra: Record<string, string> = {},
): string[] {
  const result = loader.validateFiles({ 'catalog.yaml': yaml, ...extra }, policy);
  return result.ok ? [] : result.problems.map(formatCatalogProblem);
}

const AGENCY = `agencies:
  - code: nit
    name: { kk: a, ru: b, en: c }
`;
const system = (checks: string) => `${AGENCY}systems:
  - code: s
    agency: nit
    name: { kk: a, ru: b, en: c }
    tier: normal
    checks:
${checks}`;

describe('catalog loader', () => {
  it('loads the valid fixture completely', async () => {
    const { catalog, counts, contentHash } = await loader.loadFolder(join(FIXTURES, 'valid'), demoPolicy);
    expect(counts).toEqual({ categories: 2, agencies: 2, systems: 3, checks: 7, maintenance: 2 });
    expect(contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(catalog.systems.map((s) => s.code)).toEqual(['egov-portal', 'egov-gateway', 'gbd-fl']);
    const https = catalog.checks.find((c) => c.key === 'egov-portal/https')!;
    expect(https).toMatchObject({ kind: 'http', intervalS: 30, timeoutS: 10, regions: ['local'] });
    expect(https.options).toMatchObject({
      method: 'GET',
      follow_redirects: true,
      ca_file: './simulator-ca.pem',
    });
    expect(https.options.ca_pem).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(catalog.checks.find((c) => c.key === 'egov-portal/push')).toMatchObject({
      kind: 'heartbeat',
      target: null,
      options: { grace_s: 30 },
    });
    expect(catalog.checks.find((c) => c.key === 'egov-portal/tcp')).toMatchObject({
      intervalS: 60,
      timeoutS: 10,
    });
    expect(catalog.checks.find((c) => c.key === 'gbd-fl/api')).toMatchObject({
      intervalS: 15,
      timeoutS: 5,
      regions: ['local', 'astana'],
    });
    const night = catalog.maintenance.find((m) => m.code === 'egov-night-works')!;
    expect(night.startsAt?.toISOString()).toBe('2026-11-30T20:00:00.000Z');
    expect(night.endsAt?.toISOString()).toBe('2026-11-30T22:00:00.000Z');
    expect(catalog.maintenance.find((m) => m.code === 'weekly-gateway-window')).toMatchObject({
      recurrence: 'FREQ=WEEKLY;BYDAY=SU',
      startTime: '02:00',
      durationS: 7200,
      startsAt: null,
    });
  });

  it('gives the same content hash for the same folder, another for a changed one', async () => {
    const a = await loader.loadFolder(join(FIXTURES, 'valid'), demoPolicy);
    const b = await loader.loadFolder(join(FIXTURES, 'valid'), demoPolicy);
    expect(a.contentHash).toBe(b.contentHash);
  });

  it('reports YAML syntax errors as file:line:col', async () => {
    const problems = await problemsOf('bad-syntax');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'systems.yaml', line: 7, column: 5 });
    expect(formatCatalogProblem(problems[0])).toMatch(/^systems\.yaml:7:5: Flow sequence/);
  });

  it('reports schema errors at the line and field, every one of them', async () => {
    expect((await problemsOf('bad-schema')).map(formatCatalogProblem)).toEqual([
      'catalog.yaml:8: systems[0].tier: Invalid option: expected one of "critical"|"high"|"normal"|"internal"',
      'catalog.yaml:13: systems[0].checks[0].interval: expected a duration such as 500ms, 30s, 5m, 1h or a number of seconds',
      'catalog.yaml:17: systems[0].checks[1].interva: unknown field',
      'catalog.yaml:18: systems[1].code: must match ^[a-z0-9][a-z0-9-]{0,62}$ (lowercase letters, digits and dashes)',
      'catalog.yaml:22: systems[2].name: required',
    ]);
  });

  it('reports duplicate codes naming both places', async () => {
    expect((await problemsOf('bad-duplicates')).map(formatCatalogProblem)).toEqual([
      'a.yaml:11: systems[0].checks[1].code: duplicate check code "https" in system "egov-portal", first defined at a.yaml:10',
      'b.yaml:4: agencies[1].code: duplicate agency code "nit", first defined at a.yaml:2',
      'b.yaml:7: systems[0].code: duplicate system code "egov-portal", first defined at a.yaml:5',
    ]);
  });

  it('reports unknown references at the line naming them', async () => {
    expect((await problemsOf('bad-refs')).map(formatCatalogProblem)).toEqual([
      'catalog.yaml:9: systems[0].agency: unknown agency "nitt"',
      'catalog.yaml:12: systems[0].category: unknown category "documentz"',
      'catalog.yaml:15: systems[0].depends_on[1]: unknown system "gbd-fl"',
      'catalog.yaml:23: maintenance[0].systems[1]: unknown system "egov-mobile"',
    ]);
  });

  it('rejects dependency cycles, naming them', async () => {
    expect((await problemsOf('bad-cycle')).map(formatCatalogProblem)).toEqual([
      'catalog.yaml:14: systems[1].depends_on[0]: dependency cycle: a -> b -> c -> a',
      'catalog.yaml:28: systems[4].depends_on[0]: dependency cycle: self -> self',
    ]);
  });

  it('refuses probe targets outside the network policy, at the target line', async () => {
    const problems = await problemsOf('bad-network');
    const byCheck = new Map(problems.map((p) => [p.field, p]));
    expect(problems.map((p) => `${p.line} ${p.field}`)).toEqual([
      '12 systems[0].checks[0].target',
      '15 systems[0].checks[1].target',
      '18 systems[0].checks[2].target',
      '21 systems[0].checks[3].target',
      '25 systems[0].checks[4].options.resolver',
      '28 systems[0].checks[5].target',
      '31 systems[0].checks[6].target',
    ]);
    expect(byCheck.get('systems[0].checks[0].target')?.message).toMatch(
      /169\.254\.169\.254 is a cloud metadata address/,
    );
    expect(byCheck.get('systems[0].checks[1].target')?.message).toMatch(/metadata\.google\.internal/);
    expect(byCheck.get('systems[0].checks[2].target')?.message).toMatch(/10\.0\.0\.5 is a private address/);
    expect(byCheck.get('systems[0].checks[3].target')?.message).toMatch(/link-local/);
    // Loopback (127.0.0.1, localhost, 0x7f.1) passes only because the policy allows 127.0.0.0/8:
    const strict = await problemsOf('bad-network', { minIntervalS: 10, probeAllow: [], env: noEnv });
    expect(strict.map((p) => p.field)).toEqual(
      expect.arrayContaining([
        'systems[0].checks[7].target',
        'systems[0].checks[8].target',
        'systems[0].checks[9].target',
      ]),
    );
    expect(strict.find((p) => p.field === 'systems[0].checks[9].target')?.message).toMatch(
      /127\.0\.0\.1 is a loopback address/,
    );
    expect(strict.some((p) => p.field === 'systems[0].checks[10].target')).toBe(false);
  });

  it('enforces the lowest interval and timeout < interval', async () => {
    expect((await problemsOf('bad-timing')).map(formatCatalogProblem)).toEqual([
      'catalog.yaml:13: systems[0].checks[0].interval: must be at least 10s (KUZET_MIN_INTERVAL_S), got 5s',
      'catalog.yaml:18: systems[0].checks[1].timeout: must be less than the interval (30s), got 30s',
      'catalog.yaml:22: systems[0].checks[2].interval: must be at least 10s (KUZET_MIN_INTERVAL_S), got 500ms',
    ]);
    const relaxed = await problemsOf('bad-timing', { minIntervalS: 0.1, probeAllow: [], env: noEnv });
    expect(relaxed.map((p) => p.field)).toEqual(['systems[0].checks[1].timeout']);
  });

  it('parses every condition and names the line, the condition and the position of a syntax error', async () => {
    const lines = (await problemsOf('bad-conditions')).map(formatCatalogProblem);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^catalog\.yaml:15: systems\[0\]\.checks\[0\]\.conditions\[1\]: invalid condition: expected an operator .* at position 9$/);
    expect(lines[1]).toMatch(/^catalog\.yaml:17: systems\[0\]\.checks\[0\]\.conditions\[3\]: invalid condition: expected a placeholder name .* at position 1$/);
  });

  it('requires ca_file to exist inside the catalog folder and hold a certificate', async () => {
    expect((await problemsOf('bad-ca')).map(formatCatalogProblem)).toEqual([
      'catalog.yaml:13: systems[0].checks[0].options.ca_file: file not found in the catalog folder: certs/missing.pem',
      'catalog.yaml:17: systems[0].checks[1].options.ca_file: must stay inside the catalog folder, got "../valid/simulator-ca.pem"',
      'catalog.yaml:21: systems[0].checks[2].options.ca_file: notes.txt holds no PEM certificate',
    ]);
  });

  it('refuses a missing folder and a folder without catalog files', async () => {
    await expect(loader.loadFolder(join(FIXTURES, 'does-not-exist'), demoPolicy)).rejects.toThrow(
      /catalog folder not found/,
    );
    const empty = mkdtempSync(join(tmpdir(), 'kuzet-empty-'));
    try {
      writeFileSync(join(empty, 'README.txt'), 'not a catalog');
      await expect(loader.loadFolder(empty, demoPolicy)).rejects.toThrow(/no catalog files/);
    } finally {
      rmSync(empty, { recursive: true });
    }
  });

  it('skips hidden files and reads sub-folders in path order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kuzet-hidden-'));
    try {
      writeFileSync(join(dir, '.swap.yaml'), 'this: [is broken');
      writeFileSync(join(dir, 'b.yml'), AGENCY);
      writeFileSync(join(dir, 'a.yaml'), AGENCY.replace('nit', 'mju'));
      const { catalog } = await loader.loadFolder(dir, demoPolicy);
      expect(catalog.agencies.map((a) => a.code)).toEqual(['mju', 'nit']);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe('catalog validation of single files', () => {
  it('accepts an empty file and comments only', () => {
    expect(
      linesOf(`${AGENCY}`, demoPolicy, { 'empty.yaml': '', 'comments.yaml': '# nothing yet\n' }),
    ).toEqual([]);
  });

  it('reports YAML-level problems: duplicate keys, several documents, unknown aliases', () => {
    expect(linesOf('agencies: []\nagencies: []\n')).toEqual(['catalog.yaml:2:1: Map keys must be unique']);
    expect(linesOf('agencies: []\n---\nsystems: []\n')[0]).toMatch(
      /^catalog\.yaml:2:1: Source contains multiple documents/,
    );
    expect(linesOf('agencies:\n  - *nope\n')).toEqual(['catalog.yaml:2:5: unknown alias *nope']);
  });

  it('reports a wrong top level at its key', () => {
    expect(linesOf(`${AGENCY}sytems: []\n`)).toEqual(['catalog.yaml:4: sytems: unknown field']);
    expect(linesOf('- a\n- b\n')).toEqual([
      'catalog.yaml:1: expected a mapping with any of the keys categories, agencies, systems, maintenance',
    ]);
    expect(linesOf('agencies: nope\n')).toEqual(['catalog.yaml:1: agencies: expected a list']);
  });

  it('bounds interval and timeout: huge values are refused at their line, naming the field', () => {
    const check = (fields: string) =>
      linesOf(system(`      - code: x\n        kind: http\n        target: https://egov.kz/\n${fields}`));
    expect(check('        interval: 1e308\n')).toEqual([
      'catalog.yaml:13: systems[0].checks[0].interval: must be at most 1d, got 1e+308',
    ]);
    expect(check('        interval: 99999999d\n')).toEqual([
      'catalog.yaml:13: systems[0].checks[0].interval: must be at most 1d, got 99999999d',
    ]);
    expect(check('        interval: 1d\n        timeout: 6m\n')).toEqual([
      'catalog.yaml:14: systems[0].checks[0].timeout: must be at most 5m, got 6m',
    ]);
    expect(check('        interval: 1d\n        timeout: 5m\n')).toEqual([]);
    expect(check(`        interval: ${'9'.repeat(400)}\n`)[0]).toMatch(/checks\[0\]\.interval: /);
  });

  it('names the bad kind and kind-specific problems', () => {
    expect(linesOf(system('      - { code: x, kind: ftp, target: "ftp://a" }\n'))).toEqual([
      'catalog.yaml:10: systems[0].checks[0].kind: kind must be one of http, tcp, dns, tls, heartbeat',
    ]);
    expect(linesOf(system('      - code: x\n        kind: http\n        target: ftp://egov.kz/\n'))).toEqual([
      'catalog.yaml:12: systems[0].checks[0].target: expected an http:// or https:// URL, not ftp://',
    ]);
    expect(linesOf(system('      - code: x\n        kind: tcp\n        target: egov.kz\n'))).toEqual([
      'catalog.yaml:12: systems[0].checks[0].target: expected host:port (IPv6 as [addr]:port), port 1-65535',
    ]);
    expect(
      linesOf(
        system(
          '      - code: x\n        kind: http\n        target: https://egov.kz/\n        options:\n          metod: POST\n',
        ),
      ),
    ).toEqual(['catalog.yaml:14: systems[0].checks[0].options.metod: unknown field']);
    expect(
      linesOf(system('      - code: x\n        kind: heartbeat\n        target: https://egov.kz/\n')),
    ).toEqual([
      'catalog.yaml:12: systems[0].checks[0].target: heartbeat checks have no target; the system pushes to /api/push/{token}',
    ]);
    expect(
      linesOf(system('      - code: x\n        kind: http\n        target: https://user:pw@egov.kz/\n'))[0],
    ).toMatch(/credentials in the URL/);
  });

  it('resolves ${env:NAME} in check secrets with the given environment; an unset one is an error at its line', () => {
    const checks = [
      '      - code: x',
      '        kind: http',
      '        target: https://egov.kz/',
      '        options:',
      '          headers:',
      '            Authorization: "Bearer ${env:EGOV_TOKEN}"',
      '          body: "${env:EGOV_PASSWORD}"',
      '      - code: y',
      '        kind: tcp',
      '        target: egov.kz:6379',
      '        options: { send: "AUTH ${env:bad-name}" }',
      '',
    ].join('\n');
    expect(linesOf(system(checks))).toEqual([
      'catalog.yaml:15: systems[0].checks[0].options.headers.Authorization: environment variable EGOV_TOKEN is not set',
      'catalog.yaml:16: systems[0].checks[0].options.body: environment variable EGOV_PASSWORD is not set',
      'catalog.yaml:20: systems[0].checks[1].options.send: malformed environment reference ${env:bad-name}: NAME is letters, digits and _',
    ]);
    const env: Record<string, string> = { EGOV_TOKEN: 't', EGOV_PASSWORD: 'p' };
    const result = loader.validateFiles({ 'catalog.yaml': system(checks.replace('bad-name', 'EGOV_TOKEN')) }, { ...demoPolicy, env: (n) => env[n] });
    expect(result.ok).toBe(true);
    // The reference is what is kept: resolved where it is sent (the probe assignment).
    if (result.ok) expect(result.catalog.checks[0].options.headers).toEqual({ Authorization: 'Bearer ${env:EGOV_TOKEN}' });
  });

  it('takes basic_auth on http checks: a user name without a colon, not with an Authorization header', () => {
    const check = (auth: string, headers = '') =>
      system(`      - code: x\n        kind: http\n        target: https://egov.kz/\n        options:\n          basic_auth: ${auth}\n${headers}`);
    expect(linesOf(check('{ username: kuzet, password: "${env:EGOV_PASSWORD}" }'), { ...demoPolicy, env: () => 'pw' })).toEqual([]);
    expect(linesOf(check('{ username: "a:b", password: p }'))).toEqual([
      'catalog.yaml:14: systems[0].checks[0].options.basic_auth.username: must not contain ":"',
    ]);
    expect(linesOf(check('{ username: a, password: p }', '          headers: { Authorization: "Bearer t" }\n'))).toEqual([
      'catalog.yaml:14: systems[0].checks[0].options.basic_auth: use either basic_auth or an Authorization header, not both',
    ]);
    expect(linesOf(check('{ username: a, password: "${env:NOPE}" }'))).toEqual([
      'catalog.yaml:14: systems[0].checks[0].options.basic_auth.password: environment variable NOPE is not set',
    ]);
  });

  it('checks maintenance windows: one mode, valid times in the zone', () => {
    const window = (body: string) =>
      `${system('      []\n')}maintenance:\n  - code: w\n    title: { kk: a, ru: b, en: c }\n    systems: [s]\n${body}`;
    expect(linesOf(window('    starts_at: "2026-12-01T03:00"\n    ends_at: "2026-12-01T01:00"\n'))).toEqual([
      'catalog.yaml:16: maintenance[0].ends_at: must be after starts_at',
    ]);
    expect(
      linesOf(
        window('    starts_at: "2026-12-01T01:00"\n    ends_at: "2026-12-01T03:00"\n    duration: 1h\n'),
      ),
    ).toEqual([
      'catalog.yaml:17: maintenance[0].duration: a window is either one-off (starts_at, ends_at) or recurring (recurrence, start_time, duration), not both',
    ]);
    expect(linesOf(window('    recurrence: "FREQ=WEEKLY;BYDAY=SU"\n    start_time: "2:00"\n'))).toEqual([
      'catalog.yaml:12: maintenance[0].duration: required',
      'catalog.yaml:16: maintenance[0].start_time: expected a local time HH:MM, e.g. "02:00"',
    ]);
    expect(linesOf(window('    recurrence: "FREQ=WEEKLY;BYDAY=SU"\n    start_time: "02:00"\n'))).toEqual([
      'catalog.yaml:12: maintenance[0].duration: required',
    ]);
    expect(
      linesOf(
        window(
          '    timezone: Europe/Berlin\n    starts_at: "2026-03-29T02:30"\n    ends_at: "2026-03-29T04:00"\n',
        ),
      ),
    ).toEqual([
      'catalog.yaml:16: maintenance[0].starts_at: this local time does not exist in Europe/Berlin (clock change)',
    ]);
    expect(
      linesOf(
        window(
          '    timezone: Asia/Nowhere\n    recurrence: "FREQ=HOURLY"\n    start_time: "02:00"\n    duration: 1h\n',
        ),
      ),
    ).toEqual([
      'catalog.yaml:15: maintenance[0].timezone: expected an IANA time zone such as Asia/Almaty',
      'catalog.yaml:16: maintenance[0].recurrence: not a supported RRULE: FREQ=HOURLY is not supported (DAILY, WEEKLY, MONTHLY or YEARLY)',
    ]);
  });

  it('does not cascade: a broken agency still counts as known to the systems naming it', () => {
    const yaml = `agencies:\n  - code: nit\n    name: { kk: a }\nsystems:\n  - code: s\n    agency: nit\n    name: { kk: a, ru: b, en: c }\n    tier: normal\n`;
    expect(linesOf(yaml)).toEqual([
      'catalog.yaml:3: agencies[0].name.ru: required',
      'catalog.yaml:3: agencies[0].name.en: required',
    ]);
  });

  it('validates notification policies: contact fields, durations, contact names, escalation order', () => {
    const head = `agencies:
  - code: nit
    name: { kk: a, ru: b, en: c }
    contacts:
      - { kind: email, address: duty@nit.kz, name: duty, language: kk }
      - { kind: telegram, chat_id: "-100", name: head, quiet_hours: { from: "22:00", to: "08:00" } }
`;
    expect(
      linesOf(`${head}    notifications:
      group_wait: 0
      systems:
        portal: { contacts: [duty] }
      escalation:
        - { after: 15m, contacts: [head] }
systems:
  - { code: portal, agency: nit, name: { kk: a, ru: b, en: c }, tier: normal }
`),
    ).toEqual([]);
    expect(
      linesOf(`${head}      - { kind: email, address: x@nit.kz, language: de }
    notifications:
      group_wait: soon
      severities:
        sev1: { contacts: [nobody] }
      escalation:
        - { after: 15m, contacts: [head] }
        - { after: 10m, contacts: [duty] }
`),
    ).toEqual([
      'catalog.yaml:7: agencies[0].contacts[2].language: expected one of kk, ru, en',
      'catalog.yaml:9: agencies[0].notifications.group_wait: expected a duration such as 500ms, 30s, 5m, 1h or a number of seconds',
      'catalog.yaml:14: agencies[0].notifications.escalation[1].after: must be later than the previous level',
    ]);
    expect(
      linesOf(`${head}    notifications:
      severities:
        sev1: { contacts: [nobody] }
`),
    ).toEqual(['catalog.yaml:9: agencies[0].notifications.severities.sev1.contacts[0]: unknown contact "nobody" (contacts need a name)']);
    expect(
      linesOf(`${head}    notifications:
      systems:
        nope: { mute: true }
        theirs: { mute: true }
  - code: mju
    name: { kk: a, ru: b, en: c }
systems:
  - { code: theirs, agency: mju, name: { kk: a, ru: b, en: c }, tier: normal }
`),
    ).toEqual([
      'catalog.yaml:9: agencies[0].notifications.systems.nope: unknown system "nope"',
      'catalog.yaml:10: agencies[0].notifications.systems.theirs: system "theirs" belongs to agency "mju"',
    ]);
  });

  it('does not report unknown references while a file is unreadable', () => {
    const systems =
      'systems:\n  - code: s\n    agency: nit\n    name: { kk: a, ru: b, en: c }\n    tier: normal\n';
    const result = loader.validateFiles(
      { 'agencies.yaml': 'agencies: [\n', 'systems.yaml': systems },
      demoPolicy,
    );
    expect(result.ok ? [] : result.problems.map((p) => p.file)).toEqual(['agencies.yaml']);
    const fixed = loader.validateFiles(
      { 'agencies.yaml': 'agencies: []\n', 'systems.yaml': systems },
      demoPolicy,
    );
    expect(fixed.ok ? [] : fixed.problems.map(formatCatalogProblem)).toEqual([
      'systems.yaml:3: systems[0].agency: unknown agency "nit"',
    ]);
  });

  it('resolves ca_file among the submitted files', () => {
    const check =
      '      - code: x\n        kind: tls\n        target: egov.kz:443\n        options: { ca_file: certs/ca.pem }\n';
    expect(linesOf(system(check))).toEqual([
      'catalog.yaml:13: systems[0].checks[0].options.ca_file: file not found in the catalog folder: certs/ca.pem',
    ]);
    expect(
      linesOf(system(check), demoPolicy, {
        'certs/ca.pem': '-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n',
      }),
    ).toEqual([]);
  });
});
