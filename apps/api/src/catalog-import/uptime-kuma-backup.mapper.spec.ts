import { mapUptimeKumaBackup } from './uptime-kuma-backup.mapper';
import { CatalogImportError } from './catalog-import.errors';
import { DEFAULT_IMPORT_OPTIONS } from './catalog-import.types';

const map = (monitorList: unknown[], notificationList: unknown[] = []) =>
  mapUptimeKumaBackup({ version: '1.23.16', notificationList, monitorList }, DEFAULT_IMPORT_OPTIONS);
const messages = (r: ReturnType<typeof map>) => r.warnings.map((w) => `${w.entry}: ${w.message}`);
const base = { interval: 60, retryInterval: 60, maxretries: 0, tags: [], notificationIDList: {} };

describe('mapUptimeKumaBackup', () => {
  it('maps an http monitor: status range as conditions, retries as failures, redirects, basic auth', () => {
    const r = map([
      {
        ...base,
        id: 2,
        name: 'Portal',
        type: 'http',
        url: 'https://portal.example.org/',
        method: 'GET',
        timeout: 48,
        maxretries: 2,
        maxredirects: 0,
        accepted_statuscodes: ['200-299'],
        authMethod: 'basic',
        basic_auth_user: 'u',
        basic_auth_pass: 'p',
      },
    ]);
    expect(r.warnings).toEqual([]);
    expect(r.catalog.systems[0].checks[0]).toEqual({
      code: 'http',
      kind: 'http',
      target: 'https://portal.example.org/',
      interval: '60s',
      timeout: '48s',
      conditions: ['[STATUS] <= 299'],
      thresholds: { failures: 3 },
      options: { basic_auth: { username: 'u', password: 'p' }, follow_redirects: false },
    });
  });

  it('maps keyword (and inverted keyword) to a pat() body condition', () => {
    const r = map([
      { ...base, id: 1, name: 'a', type: 'keyword', url: 'https://a.org', keyword: 'ok', accepted_statuscodes: ['200'] },
      { ...base, id: 2, name: 'b', type: 'keyword', url: 'https://b.org', keyword: 'down', invertKeyword: true },
    ]);
    expect(r.catalog.systems.map((s) => s.checks[0].conditions)).toEqual([
      ['[STATUS] == 200', '[BODY] == pat("*ok*")'],
      ['[STATUS] <= 299', '[BODY] != pat("*down*")'],
    ]);
  });

  it('maps port, dns and push monitors; a group monitor becomes the category of its members', () => {
    const r = map([
      { ...base, id: 1, name: 'Grp', type: 'group', parent: null },
      { ...base, id: 2, name: 'smtp', type: 'port', hostname: 'mail.example.org', port: 25, parent: 1 },
      { ...base, id: 3, name: 'dns', type: 'dns', hostname: 'example.org', port: 5353, dns_resolve_type: 'MX', dns_resolve_server: '1.1.1.1' },
      { ...base, id: 4, name: 'job', type: 'push', pushToken: 'x', interval: 3600, retryInterval: 3600, active: 0 },
    ]);
    expect(r.catalog.categories.map((c) => c.code)).toEqual(['grp']);
    expect(r.catalog.systems.map((s) => [s.category, s.enabled, s.checks[0]])).toEqual([
      ['grp', undefined, { code: 'tcp', kind: 'tcp', target: 'mail.example.org:25', interval: '60s' }],
      [undefined, undefined, { code: 'dns', kind: 'dns', target: 'example.org', interval: '60s', options: { record_type: 'MX', resolver: '1.1.1.1:5353' } }],
      [undefined, false, { code: 'heartbeat', kind: 'heartbeat', interval: '3600s' }],
    ]);
    expect(messages(r)).toEqual([expect.stringMatching(/^monitor "job": the push token is not imported/)]);
  });

  it('warns, naming the monitor, for unmapped types and features', () => {
    const r = map([
      { ...base, id: 1, name: 'router', type: 'ping', hostname: '10.0.0.1' },
      { ...base, id: 2, name: 'api', type: 'http', url: 'https://a.org', ignoreTls: true, upsideDown: true, retryInterval: 20, accepted_statuscodes: ['200-299', '401'], tags: [{ name: 't' }] },
    ]);
    expect(r.catalog.systems.map((s) => s.code)).toEqual(['api']);
    expect(r.catalog.systems[0].checks[0].conditions).toBeUndefined();
    const w = messages(r);
    for (const expected of [/^monitor "router": type "ping" has no Kuzet check kind/, /^monitor "api": ignoreTls/, /^monitor "api": upside-down/, /^monitor "api": retryInterval 20s/, /^monitor "api": accepted_statuscodes 200-299, 401/, /^monitor "api": tags/])
      expect(w).toContainEqual(expect.stringMatching(expected));
    expect(w).toHaveLength(6);
  });

  it('turns smtp, webhook and telegram notifications into contacts and warns on other types', () => {
    const n = (id: number, name: string, config: object) => ({ id, name, config: JSON.stringify({ name, ...config }), active: 1 });
    const r = map([], [
      n(1, 'NOC mail', { type: 'smtp', smtpTo: 'noc@e.org' }),
      n(2, 'Hook', { type: 'webhook', webhookURL: 'https://h.e.org/k' }),
      n(3, 'Chat', { type: 'telegram', telegramChatID: '-100' }),
      n(4, 'Disc', { type: 'discord' }),
    ]);
    expect(r.catalog.agencies[0].contacts).toEqual([
      { kind: 'email', address: 'noc@e.org', name: 'noc-mail' },
      { kind: 'webhook', url: 'https://h.e.org/k', name: 'hook' },
      { kind: 'telegram', chat_id: '-100', name: 'chat' },
    ]);
    expect(messages(r)).toContainEqual(expect.stringMatching(/^notification "Disc": notification type "discord" is not imported/));
  });

  it('refuses a file that is not a backup', () => {
    expect(() => mapUptimeKumaBackup({ endpoints: [] }, DEFAULT_IMPORT_OPTIONS)).toThrow(CatalogImportError);
  });
});
