import { ImportCatalogBuilder } from './import-catalog.builder';
import { slug } from './import-codes';
import { importTiming } from './import-timing';
import { ImportedCheck, ImportOptions, ImportResult } from './catalog-import.types';
import { CatalogImportError } from './catalog-import.errors';

/**
 * Uptime Kuma JSON backup (Settings → Backup → Export: version, notificationList, monitorList) to
 * Kuzet catalog documents. Monitors http, keyword, port, dns and push map to http, http with a
 * body condition, tcp, dns and heartbeat checks; a "group" monitor becomes a category; smtp,
 * webhook and telegram notifications become agency contacts. Everything else is a warning.
 */

type Monitor = Record<string, unknown>;

const MAPPED_TYPES = new Set(['http', 'keyword', 'port', 'dns', 'push']);
const DEFAULT_INTERVAL_S = 60;
const DEFAULT_STATUS_CODES = ['200-299'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

export function mapUptimeKumaBackup(doc: unknown, options: ImportOptions): ImportResult {
  if (!isObject(doc) || !Array.isArray(doc.monitorList))
    throw new CatalogImportError('not an Uptime Kuma backup: no monitorList');
  const b = new ImportCatalogBuilder(options);
  const notifications = Array.isArray(doc.notificationList) ? doc.notificationList : [];
  notifications.forEach((n, i) => mapNotification(b, n, i));
  const monitors = doc.monitorList.filter(isObject);
  const groups = new Map(monitors.filter((m) => m.type === 'group').map((m) => [m.id, text(m.name) ?? `group ${String(m.id)}`]));
  for (const m of monitors) mapMonitor(b, m, groups);
  return b.result();
}

function mapNotification(b: ImportCatalogBuilder, raw: unknown, i: number): void {
  if (!isObject(raw)) return b.warn(`notificationList[${i}]`, 'not an object; not imported');
  const entry = `notification "${text(raw.name) ?? i}"`;
  let config: Record<string, unknown> = {};
  try {
    const parsed: unknown = typeof raw.config === 'string' ? JSON.parse(raw.config) : raw.config;
    if (isObject(parsed)) config = parsed;
  } catch {
    return b.warn(entry, 'config is not JSON; not imported');
  }
  const type = text(config.type) ?? 'unknown';
  const name = slug(text(raw.name) ?? '') || 'notification';
  if (type === 'smtp' && text(config.smtpTo)) {
    for (const address of String(config.smtpTo).split(',').map((s) => s.trim()).filter(Boolean))
      b.addContact({ kind: 'email', address, name });
    b.warn(entry, 'imported as agency e-mail contacts; the SMTP server is Kuzet configuration, not catalog');
  } else if (type === 'webhook' && text(config.webhookURL)) {
    b.addContact({ kind: 'webhook', url: String(config.webhookURL), name });
    b.warn(entry, 'imported as an agency webhook contact; Kuzet sends its own signed JSON body (docs/alerts.md)');
  } else if (type === 'telegram' && text(String(config.telegramChatID ?? ''))) {
    b.addContact({ kind: 'telegram', chat_id: String(config.telegramChatID), name });
    b.warn(entry, 'imported as an agency Telegram contact; the bot token is Kuzet configuration, not catalog');
  } else {
    b.warn(entry, `notification type "${type}" is not imported (Kuzet sends e-mail, webhooks and Telegram)`);
  }
}

function mapMonitor(b: ImportCatalogBuilder, m: Monitor, groups: Map<unknown, string>): void {
  const name = text(m.name) ?? `monitor ${String(m.id)}`;
  const entry = `monitor "${name}"`;
  const type = String(m.type);
  if (type === 'group') return; // a category, created when a member refers to it
  if (!MAPPED_TYPES.has(type))
    return b.warn(entry, `type "${type}" has no Kuzet check kind (http, tcp, dns, tls, heartbeat); not imported`);
  warnUnmapped(b, entry, m);
  const intervalS = typeof m.interval === 'number' ? m.interval : DEFAULT_INTERVAL_S;
  const timeoutS = type === 'push' || typeof m.timeout !== 'number' ? undefined : m.timeout;
  const timing = importTiming(entry, intervalS, timeoutS, b.options.minIntervalS, b.warnings);
  const check = checkOf(b, entry, m, type, timing);
  if (check === undefined) return;
  if (typeof m.maxretries === 'number' && m.maxretries > 0 && type !== 'push')
    check.thresholds = { failures: Math.min(100, m.maxretries + 1) };
  const group = m.parent !== null && m.parent !== undefined ? groups.get(m.parent) : undefined;
  if (m.parent !== null && m.parent !== undefined && group === undefined)
    b.warn(entry, `parent group ${String(m.parent)} is not in the backup; no category`);
  b.addSystem(name, check, { group, enabled: m.active === false || m.active === 0 ? false : undefined });
}

function checkOf(
  b: ImportCatalogBuilder,
  entry: string,
  m: Monitor,
  type: string,
  timing: { interval: string; timeout?: string },
): ImportedCheck | undefined {
  if (type === 'push') {
    b.warn(entry, 'the push token is not imported: Kuzet issues its own; point the pusher at /api/push/{token}');
    return { code: 'heartbeat', kind: 'heartbeat', interval: timing.interval };
  }
  if (type === 'port') {
    const host = text(m.hostname);
    if (!host || typeof m.port !== 'number') return void b.warn(entry, 'port monitor without hostname and port; not imported');
    return { code: 'tcp', kind: 'tcp', target: `${host.includes(':') ? `[${host}]` : host}:${m.port}`, ...timing };
  }
  if (type === 'dns') {
    const host = text(m.hostname);
    if (!host) return void b.warn(entry, 'dns monitor without hostname; not imported');
    const options: Record<string, unknown> = { record_type: text(m.dns_resolve_type)?.toUpperCase() ?? 'A' };
    const server = text(m.dns_resolve_server);
    if (server) options.resolver = typeof m.port === 'number' && m.port !== 53 ? `${server}:${m.port}` : server;
    return { code: 'dns', kind: 'dns', target: host.replace(/\.$/, ''), ...timing, options };
  }
  const url = text(m.url);
  if (!url) return void b.warn(entry, `${type} monitor without url; not imported`);
  const conditions = [...statusConditions(b, entry, m)];
  if (type === 'keyword') {
    const keyword = text(m.keyword);
    if (!keyword) b.warn(entry, 'keyword monitor without keyword; imported as a plain http check');
    else if (/[*"\\\n]/.test(keyword))
      b.warn(entry, `keyword "${keyword}" holds a character Kuzet's glob cannot match literally; left out`);
    else conditions.push(`[BODY] ${m.invertKeyword ? '!=' : '=='} pat("*${keyword}*")`);
  }
  return {
    code: 'http',
    kind: 'http',
    target: url,
    ...timing,
    ...(conditions.length > 0 ? { conditions: b.conditions(entry, conditions) } : {}),
    ...httpOptions(b, entry, m),
  };
}

/** accepted_statuscodes: Kuzet's http check always requires 200-399, conditions narrow it. */
function statusConditions(b: ImportCatalogBuilder, entry: string, m: Monitor): string[] {
  const codes = Array.isArray(m.accepted_statuscodes) ? m.accepted_statuscodes.map(String) : DEFAULT_STATUS_CODES;
  if (codes.length !== 1) {
    b.warn(entry, `accepted_statuscodes ${codes.join(', ')}: several ranges cannot be written as conditions; Kuzet's 200-399 applies`);
    return [];
  }
  const range = /^(\d{3})(?:-(\d{3}))?$/.exec(codes[0]);
  if (!range) {
    b.warn(entry, `accepted_statuscodes ${codes[0]} is not a code or range; Kuzet's 200-399 applies`);
    return [];
  }
  const [lo, hi] = [Number(range[1]), Number(range[2] ?? range[1])];
  if (lo < 200 || hi > 399) b.warn(entry, `accepted_statuscodes ${codes[0]} reaches outside 200-399, which Kuzet always requires`);
  if (lo === hi) return [`[STATUS] == ${lo}`];
  return [...(lo > 200 ? [`[STATUS] >= ${lo}`] : []), ...(hi < 399 ? [`[STATUS] <= ${hi}`] : [])];
}

function httpOptions(b: ImportCatalogBuilder, entry: string, m: Monitor): { options?: Record<string, unknown> } {
  const options: Record<string, unknown> = {};
  const method = text(m.method)?.toUpperCase();
  if (method && method !== 'GET') options.method = method;
  const headers = text(m.headers);
  if (headers) {
    try {
      const parsed: unknown = JSON.parse(headers);
      if (isObject(parsed)) options.headers = Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
      else b.warn(entry, 'headers are not a JSON object; not imported');
    } catch {
      b.warn(entry, 'headers are not JSON; not imported');
    }
  }
  const body = text(m.body);
  if (body) options.body = body;
  if (text(m.basic_auth_user) && (m.authMethod === 'basic' || m.authMethod === undefined))
    options.basic_auth = { username: String(m.basic_auth_user), password: String(m.basic_auth_pass ?? '') };
  else if (text(m.authMethod) && m.authMethod !== 'basic')
    b.warn(entry, `authMethod "${String(m.authMethod)}" is not imported (Kuzet has headers and basic_auth)`);
  if (typeof m.maxredirects === 'number') {
    if (m.maxredirects === 0) options.follow_redirects = false;
    else options.max_redirects = Math.min(20, m.maxredirects);
  }
  return Object.keys(options).length > 0 ? { options } : {};
}

/** Monitor fields that change behaviour and have no Kuzet equivalent. */
function warnUnmapped(b: ImportCatalogBuilder, entry: string, m: Monitor): void {
  if (m.ignoreTls === true || m.ignoreTls === 1) b.warn(entry, 'ignoreTls is not imported: Kuzet verifies TLS (trust a CA with options.ca_file)');
  if (m.upsideDown === true || m.upsideDown === 1) b.warn(entry, 'upside-down mode is not imported');
  if (typeof m.retryInterval === 'number' && typeof m.interval === 'number' && m.retryInterval !== m.interval)
    b.warn(entry, `retryInterval ${m.retryInterval}s is not imported: Kuzet retries at the check interval`);
  if (typeof m.resendInterval === 'number' && m.resendInterval > 0)
    b.warn(entry, 'resendInterval is not imported: repeats follow the agency notification policy');
  if (m.expiryNotification === true || m.expiryNotification === 1)
    b.warn(entry, 'expiryNotification is not imported: add a "[CERTIFICATE_EXPIRATION] > 336h" condition or rely on the technology score');
  if (Array.isArray(m.tags) && m.tags.length > 0) b.warn(entry, 'tags are not imported');
  if (text(m.description)) b.warn(entry, 'description is not imported');
  if (isObject(m.notificationIDList) && Object.keys(m.notificationIDList).length > 0)
    b.warn(entry, 'per-monitor notification choice is not imported: Kuzet alerts the agency contacts');
  if (text(m.proxyId) || typeof m.proxyId === 'number') b.warn(entry, 'proxy is not imported');
}
