import { ImportCatalogBuilder } from './import-catalog.builder';
import { goDurationSeconds } from './import-durations';
import { importTiming } from './import-timing';
import { ImportedCheck, ImportOptions, ImportResult } from './catalog-import.types';
import { CatalogImportError } from './catalog-import.errors';

/**
 * Gatus config.yaml (https://github.com/TwiN/gatus#configuration) to Kuzet catalog documents.
 * endpoints: one system each (group: a category); http(s) URLs are http checks, tcp:// tcp,
 * tls:// tls, an endpoint with `dns:` a dns check; external-endpoints are heartbeat checks.
 * Conditions pass through (Kuzet's grammar is Gatus's); anything else is a warning.
 */

type Entry = Record<string, unknown>;

const DEFAULT_INTERVAL_S = 60;
const HANDLED_ENDPOINT_KEYS = new Set(['name', 'group', 'url', 'method', 'conditions', 'interval', 'body', 'headers', 'dns', 'client', 'enabled']);
const HANDLED_CLIENT_KEYS = new Set(['timeout', 'ignore-redirect']);
const HANDLED_EXTERNAL_KEYS = new Set(['name', 'group', 'heartbeat', 'enabled', 'token']);
const HANDLED_TOP_KEYS = new Set(['endpoints', 'external-endpoints', 'alerting']);

const isEntry = (v: unknown): v is Entry => typeof v === 'object' && v !== null && !Array.isArray(v);

export function mapGatusConfig(doc: unknown, options: ImportOptions): ImportResult {
  if (!isEntry(doc) || (!Array.isArray(doc.endpoints) && !Array.isArray(doc['external-endpoints'])))
    throw new CatalogImportError('not a Gatus configuration: no endpoints list');
  const b = new ImportCatalogBuilder(options);
  for (const key of Object.keys(doc))
    if (!HANDLED_TOP_KEYS.has(key)) b.warn(key, `top-level "${key}" is not imported (no catalog equivalent)`);
  if (isEntry(doc.alerting)) mapAlerting(b, doc.alerting);
  const endpoints = Array.isArray(doc.endpoints) ? doc.endpoints : [];
  endpoints.forEach((e, i) => mapEndpoint(b, e, `endpoints[${i}]`));
  const external = Array.isArray(doc['external-endpoints']) ? doc['external-endpoints'] : [];
  external.forEach((e, i) => mapExternalEndpoint(b, e, `external-endpoints[${i}]`));
  return b.result();
}

function entryName(e: Entry, fallback: string): string {
  const name = typeof e.name === 'string' && e.name.trim() ? e.name.trim() : fallback;
  return typeof e.group === 'string' && e.group ? `${e.group}/${name}` : name;
}

function mapAlerting(b: ImportCatalogBuilder, alerting: Entry): void {
  for (const [provider, config] of Object.entries(alerting)) {
    const entry = `alerting.${provider}`;
    const c = isEntry(config) ? config : {};
    if (provider === 'email' && typeof c.to === 'string') {
      for (const address of c.to.split(',').map((s) => s.trim()).filter(Boolean))
        b.addContact({ kind: 'email', address, name: 'email' });
      b.warn(entry, 'imported as agency e-mail contacts; the SMTP server is Kuzet configuration (KUZET_SMTP_URL), not catalog');
    } else if (provider === 'telegram' && (typeof c.id === 'string' || typeof c.id === 'number')) {
      b.addContact({ kind: 'telegram', chat_id: String(c.id), name: 'telegram' });
      b.warn(entry, 'imported as an agency Telegram contact; the bot token is Kuzet configuration, not catalog');
    } else {
      b.warn(entry, `alerting provider "${provider}" is not imported (Kuzet sends e-mail, webhooks and Telegram: docs/alerts.md)`);
    }
  }
}

function mapEndpoint(b: ImportCatalogBuilder, raw: unknown, at: string): void {
  if (!isEntry(raw) || typeof raw.url !== 'string') {
    b.warn(at, 'endpoint without a url; not imported');
    return;
  }
  const e = raw;
  const entry = entryName(e, at);
  for (const key of Object.keys(e))
    if (!HANDLED_ENDPOINT_KEYS.has(key)) b.warn(entry, `"${key}" is not imported`);
  const client = isEntry(e.client) ? e.client : {};
  for (const key of Object.keys(client))
    if (!HANDLED_CLIENT_KEYS.has(key)) b.warn(entry, `client.${key} is not imported`);
  const intervalS = durationField(b, entry, 'interval', e.interval) ?? DEFAULT_INTERVAL_S;
  const timeoutS = durationField(b, entry, 'client.timeout', client.timeout);
  const timing = importTiming(entry, intervalS, timeoutS, b.options.minIntervalS, b.warnings);
  const conditions = b.conditions(entry, Array.isArray(e.conditions) ? e.conditions.map(String) : []);
  const target = targetOf(b, entry, e, client);
  if (target === undefined) return;
  const check: ImportedCheck = {
    code: target.kind,
    kind: target.kind,
    target: target.target,
    ...timing,
    ...(conditions.length > 0 ? { conditions } : {}),
    ...(target.options && Object.keys(target.options).length > 0 ? { options: target.options } : {}),
  };
  b.addSystem(entryName({ name: e.name }, at), check, {
    group: typeof e.group === 'string' ? e.group : undefined,
    enabled: e.enabled === false ? false : undefined,
  });
}

type Target = { kind: ImportedCheck['kind']; target: string; options?: Record<string, unknown> };

function targetOf(b: ImportCatalogBuilder, entry: string, e: Entry, client: Entry): Target | undefined {
  const url = String(e.url);
  if (isEntry(e.dns)) {
    const name = typeof e.dns['query-name'] === 'string' ? e.dns['query-name'].replace(/\.$/, '') : '';
    if (!name) {
      b.warn(entry, 'dns endpoint without dns.query-name; not imported');
      return undefined;
    }
    const options: Record<string, unknown> = { resolver: url.replace(/^udp:\/\//, '') };
    if (typeof e.dns['query-type'] === 'string') options.record_type = e.dns['query-type'].toUpperCase();
    return { kind: 'dns', target: name, options };
  }
  const scheme = /^([a-z0-9+.-]+):\/\//i.exec(url)?.[1].toLowerCase();
  if (scheme === 'http' || scheme === 'https') return { kind: 'http', target: url, options: httpOptions(b, entry, e, client) };
  if (scheme === 'tcp' || scheme === 'tls') {
    if (e.body !== undefined) b.warn(entry, `body is not imported for a ${scheme}:// endpoint`);
    return { kind: scheme, target: url.slice(scheme.length + 3).replace(/\/$/, '') };
  }
  b.warn(entry, `${scheme ?? 'this'} endpoint (${url}) has no Kuzet check kind (http, tcp, dns, tls, heartbeat); not imported`);
  return undefined;
}

function httpOptions(b: ImportCatalogBuilder, entry: string, e: Entry, client: Entry): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  if (typeof e.method === 'string' && e.method.toUpperCase() !== 'GET') options.method = e.method.toUpperCase();
  if (isEntry(e.headers)) {
    options.headers = Object.fromEntries(Object.entries(e.headers).map(([k, v]) => [k, envReferences(String(v))]));
  }
  if (typeof e.body === 'string' && e.body) options.body = envReferences(e.body);
  if (client['ignore-redirect'] === true) options.follow_redirects = false;
  const references = new Set([...JSON.stringify([options.headers, options.body]).matchAll(/\$\{env:(\w+)\}/g)].map((m) => m[1]));
  if (references.size > 0)
    b.warn(entry, `refers to ${[...references].join(', ')}: set them in Kuzet's environment (docs/catalog.md, "Check secrets")`);
  if (/\$\{?[A-Za-z_]/.test(String(e.url)))
    b.warn(entry, 'the url holds an environment variable, which Kuzet resolves only in headers and bodies');
  return options;
}

/** Gatus reads `${NAME}` / `$NAME` from the environment; Kuzet's reference is `${env:NAME}`. */
function envReferences(text: string): string {
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, a, c) => `\${env:${a ?? c}}`);
}

function durationField(b: ImportCatalogBuilder, entry: string, field: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const seconds = goDurationSeconds(String(value));
  if (seconds === undefined) b.warn(entry, `${field} "${String(value)}" is not a duration; Kuzet's default used`);
  return seconds;
}

function mapExternalEndpoint(b: ImportCatalogBuilder, raw: unknown, at: string): void {
  if (!isEntry(raw)) {
    b.warn(at, 'not an object; not imported');
    return;
  }
  const entry = entryName(raw, at);
  for (const key of Object.keys(raw))
    if (!HANDLED_EXTERNAL_KEYS.has(key)) b.warn(entry, `"${key}" is not imported`);
  const heartbeat = isEntry(raw.heartbeat) ? raw.heartbeat : {};
  const intervalS = durationField(b, entry, 'heartbeat.interval', heartbeat.interval);
  if (intervalS === undefined || intervalS === 0)
    b.warn(entry, 'no heartbeat.interval: Gatus never marks it down; Kuzet expects a push every 60s');
  const timing = importTiming(entry, intervalS || DEFAULT_INTERVAL_S, undefined, b.options.minIntervalS, b.warnings);
  if (raw.token !== undefined)
    b.warn(entry, 'the push token is not imported: Kuzet issues its own; point the pusher at /api/push/{token}');
  b.addSystem(entryName({ name: raw.name }, at), { code: 'heartbeat', kind: 'heartbeat', interval: timing.interval }, {
    group: typeof raw.group === 'string' ? raw.group : undefined,
    enabled: raw.enabled === false ? false : undefined,
  });
}
