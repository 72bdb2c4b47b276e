import { mapGatusConfig } from './gatus-config.mapper';
import { CatalogImportError } from './catalog-import.errors';
import { DEFAULT_IMPORT_OPTIONS } from './catalog-import.types';

const map = (doc: unknown) => mapGatusConfig(doc, DEFAULT_IMPORT_OPTIONS);
const messages = (r: ReturnType<typeof map>) => r.warnings.map((w) => `${w.entry}: ${w.message}`);

describe('mapGatusConfig', () => {
  it('maps an http endpoint: conditions kept, group as category, Go interval and timeout', () => {
    const r = map({
      endpoints: [
        {
          name: 'Front Page',
          group: 'Core',
          url: 'https://example.org/',
          interval: '1m30s',
          client: { timeout: '5s' },
          conditions: ['[STATUS] == 200', '[CERTIFICATE_EXPIRATION] > 48h'],
        },
      ],
    });
    expect(r.warnings).toEqual([]);
    expect(r.catalog.categories).toEqual([{ code: 'core', name: { kk: 'Core', ru: 'Core', en: 'Core' } }]);
    expect(r.catalog.systems).toEqual([
      {
        code: 'front-page',
        agency: 'imported',
        name: { kk: 'Front Page', ru: 'Front Page', en: 'Front Page' },
        tier: 'normal',
        category: 'core',
        checks: [
          {
            code: 'http',
            kind: 'http',
            target: 'https://example.org/',
            interval: '90s',
            timeout: '5s',
            conditions: ['[STATUS] == 200', '[CERTIFICATE_EXPIRATION] > 48h'],
          },
        ],
      },
    ]);
  });

  it('maps tcp://, tls:// and dns endpoints to tcp, tls and dns checks', () => {
    const r = map({
      endpoints: [
        { name: 'db', url: 'tcp://db.example.org:5432', conditions: ['[CONNECTED] == true'] },
        { name: 'mail', url: 'tls://mail.example.org:465' },
        { name: 'dns', url: '8.8.8.8', dns: { 'query-name': 'example.org.', 'query-type': 'aaaa' } },
      ],
    });
    expect(r.catalog.systems.map((s) => s.checks[0])).toEqual([
      { code: 'tcp', kind: 'tcp', target: 'db.example.org:5432', interval: '60s', conditions: ['[CONNECTED] == true'] },
      { code: 'tls', kind: 'tls', target: 'mail.example.org:465', interval: '60s' },
      { code: 'dns', kind: 'dns', target: 'example.org', interval: '60s', options: { resolver: '8.8.8.8', record_type: 'AAAA' } },
    ]);
  });

  it('warns, naming the endpoint, for icmp, unknown keys, unsupported conditions and short intervals', () => {
    const r = map({
      endpoints: [
        { name: 'gw', url: 'icmp://gw.example.org' },
        { name: 'site', group: 'g', url: 'https://e.org', interval: '2s', ui: { 'hide-url': true }, conditions: ['[BODY] =~ x'] },
      ],
    });
    expect(r.catalog.systems).toHaveLength(1);
    expect(r.catalog.systems[0].checks[0].interval).toBe('10s');
    expect(r.catalog.systems[0].checks[0].conditions).toBeUndefined();
    const w = messages(r);
    expect(w).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^gw: icmp endpoint .* not imported$/),
        'g/site: "ui" is not imported',
        expect.stringMatching(/^g\/site: interval 2s is below Kuzet's minimum; raised to 10s$/),
        expect.stringMatching(/^g\/site: condition "\[BODY\] =~ x" is not supported/),
      ]),
    );
    expect(w).toHaveLength(4);
  });

  it('rewrites ${VAR} in headers and body as ${env:VAR} and says which variables to set', () => {
    const r = map({
      endpoints: [
        { name: 'login', url: 'https://e.org/login', method: 'post', headers: { Authorization: 'Bearer ${TOKEN}' }, body: '{"p":"$PASS"}' },
      ],
    });
    expect(r.catalog.systems[0].checks[0].options).toEqual({
      method: 'POST',
      headers: { Authorization: 'Bearer ${env:TOKEN}' },
      body: '{"p":"${env:PASS}"}',
    });
    expect(messages(r)).toEqual([expect.stringContaining('login: refers to TOKEN, PASS')]);
  });

  it('maps external endpoints to heartbeats, e-mail and Telegram alerting to contacts, and warns on the rest', () => {
    const r = map({
      storage: { type: 'memory' },
      alerting: { email: { to: 'a@e.org, b@e.org' }, telegram: { id: '-100' }, pagerduty: { 'integration-key': 'x' } },
      'external-endpoints': [{ name: 'backup', token: 't', heartbeat: { interval: '1h' } }],
    });
    expect(r.catalog.systems[0].checks).toEqual([{ code: 'heartbeat', kind: 'heartbeat', interval: '3600s' }]);
    expect(r.catalog.agencies[0].contacts).toEqual([
      { kind: 'email', address: 'a@e.org', name: 'email' },
      { kind: 'email', address: 'b@e.org', name: 'email-2' },
      { kind: 'telegram', chat_id: '-100', name: 'telegram' },
    ]);
    const w = messages(r);
    expect(w).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^storage: /),
        expect.stringMatching(/^alerting.pagerduty: .*not imported/),
        expect.stringMatching(/^backup: the push token is not imported/),
      ]),
    );
  });

  it('gives unique codes to endpoints with the same or a non-Latin name', () => {
    const r = map({ endpoints: [{ name: 'Портал', url: 'https://a.org' }, { name: 'Портал', url: 'https://b.org' }, { name: 'imported', url: 'https://c.org' }] });
    expect(r.catalog.systems.map((s) => s.code)).toEqual(['imported-2', 'imported-3', 'imported-4']);
  });

  it('refuses a file that is not a Gatus configuration', () => {
    expect(() => map({ monitorList: [] })).toThrow(CatalogImportError);
  });
});
