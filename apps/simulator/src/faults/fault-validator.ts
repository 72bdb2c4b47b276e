import { TLS_VERSIONS, TlsVersion } from '../fleet/fleet.types';
import { DOWN_MODES, DownMode, Fault, FAULT_TYPES, FaultType, LatencySpec } from './fault.types';
import { FaultValidationError } from './fault-validation.error';
import { MAX_LATENCY_MS } from './latency-distribution';

export const DEFAULT_OUTDATED_HEADERS: Readonly<Record<string, string>> = {
  Server: 'Apache/2.2.3 (CentOS)',
  'X-Powered-By': 'PHP/5.3.3',
};
const MAX_DURATION_S = 7 * 24 * 3600;
const MAX_BODY_CHARS = 16 * 1024;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/;
// Headers the HTTP layer owns; letting a fault set them would break framing.
const RESERVED_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'content-type']);

type Fields = Record<string, unknown>;

/**
 * Turns untrusted JSON into a Fault with every default filled in. Unknown fields are errors
 * (a typo must not silently inject a different fault than intended). Throws
 * FaultValidationError naming the offending field.
 */
export function validateFault(input: unknown): Fault {
  const f = object(input, '(body)');
  const type = f.type;
  if (typeof type !== 'string' || !(FAULT_TYPES as string[]).includes(type)) {
    throw new FaultValidationError('type', `must be one of ${FAULT_TYPES.join(', ')}`);
  }
  const base: { duration_s?: number } = {};
  if (f.duration_s !== undefined)
    base.duration_s = number(f.duration_s, 'duration_s', { gt: 0, max: MAX_DURATION_S });
  const read = reader(f, type as FaultType);

  switch (type as FaultType) {
    case 'down': {
      const fault = {
        ...base,
        type: 'down' as const,
        mode: read('mode', downMode, 'refused'),
        status: read('status', status5xx, 503),
      };
      return read.done(fault);
    }
    case 'slow':
      return read.done({
        ...base,
        type: 'slow' as const,
        latency_ms: read('latency_ms', latency, undefined),
      });
    case 'flapping':
      return read.done({
        ...base,
        type: 'flapping' as const,
        period_s: read('period_s', (v, at) => number(v, at, { min: 1, max: 86_400 }), undefined),
        mode: read('mode', downMode, 'refused'),
        status: read('status', status5xx, 503),
      });
    case 'partial':
      return read.done({
        ...base,
        type: 'partial' as const,
        error_rate: read('error_rate', (v, at) => number(v, at, { min: 0, max: 1 }), undefined),
        status: read('status', status5xx, 500),
      });
    case 'wrong_content':
      return read.done({
        ...base,
        type: 'wrong_content' as const,
        body: read('body', (v, at) => string(v, at, MAX_BODY_CHARS), '{"status":"DOWN"}'),
        content_type: read('content_type', (v, at) => string(v, at, 200), 'application/json'),
      });
    case 'cert_expiring':
      return read.done({
        ...base,
        type: 'cert_expiring' as const,
        days: read('days', (v, at) => number(v, at, { gt: 0, max: 3650 }), 7),
      });
    case 'cert_expired':
      return read.done({
        ...base,
        type: 'cert_expired' as const,
        days_ago: read('days_ago', (v, at) => number(v, at, { gt: 0, max: 3650 }), 1),
      });
    case 'cert_invalid':
      return read.done({
        ...base,
        type: 'cert_invalid' as const,
        reason: read('reason', certReason, 'self_signed'),
      });
    case 'tls_legacy':
      return read.done({
        ...base,
        type: 'tls_legacy' as const,
        versions: read('versions', tlsVersions, ['TLSv1', 'TLSv1.1'] as TlsVersion[]),
      });
    case 'headers_outdated':
      return read.done({
        ...base,
        type: 'headers_outdated' as const,
        headers: mergeHeaders(DEFAULT_OUTDATED_HEADERS, read('headers', headers, {})),
      });
    case 'dns_servfail':
    case 'dns_nxdomain':
    case 'dns_timeout':
      return read.done({ ...base, type: type as 'dns_servfail' | 'dns_nxdomain' | 'dns_timeout' });
  }
}

type Check<T> = (value: unknown, at: string) => T;

/** Reads fields one by one, remembering which were used, so leftovers can be reported. */
function reader(f: Fields, type: FaultType) {
  const used = new Set(['type', 'duration_s']);
  const read = <T>(key: string, check: Check<T>, fallback: T | undefined): T => {
    used.add(key);
    if (f[key] === undefined || f[key] === null) {
      if (fallback === undefined) throw new FaultValidationError(key, `is required for a ${type} fault`);
      return fallback;
    }
    return check(f[key], key);
  };
  read.done = <T extends Fault>(fault: T): T => {
    const extra = Object.keys(f).find((k) => !used.has(k));
    if (extra !== undefined) throw new FaultValidationError(extra, `is not a field of a ${type} fault`);
    return fault;
  };
  return read;
}

function object(value: unknown, at: string): Fields {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new FaultValidationError(at, 'must be a JSON object');
  return value as Fields;
}

function number(value: unknown, at: string, range: { min?: number; gt?: number; max?: number }): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new FaultValidationError(at, 'must be a number');
  if (range.min !== undefined && value < range.min)
    throw new FaultValidationError(at, `must be at least ${range.min}`);
  if (range.gt !== undefined && value <= range.gt)
    throw new FaultValidationError(at, `must be greater than ${range.gt}`);
  if (range.max !== undefined && value > range.max)
    throw new FaultValidationError(at, `must be at most ${range.max}`);
  return value;
}

function string(value: unknown, at: string, maxChars: number): string {
  if (typeof value !== 'string') throw new FaultValidationError(at, 'must be a string');
  if (value.length > maxChars) throw new FaultValidationError(at, `must be at most ${maxChars} characters`);
  return value;
}

function oneOf<T extends string>(allowed: readonly T[]): Check<T> {
  return (value, at) => {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      throw new FaultValidationError(at, `must be one of ${allowed.join(', ')}`);
    }
    return value as T;
  };
}

const downMode: Check<DownMode> = oneOf(DOWN_MODES);
const certReason = oneOf(['self_signed', 'wrong_hostname'] as const);

function status5xx(value: unknown, at: string): number {
  const n = number(value, at, { min: 500, max: 599 });
  if (!Number.isInteger(n)) throw new FaultValidationError(at, 'must be an integer');
  return n;
}

function latency(value: unknown, at: string): LatencySpec {
  // A bare number is the common case ("add 800 ms"): read it as a fixed latency.
  if (typeof value === 'number')
    return { distribution: 'fixed', ms: number(value, at, { min: 0, max: MAX_LATENCY_MS }) };
  const f = object(value, at);
  const ms = (key: string, min = 0) => number(f[key], `${at}.${key}`, { min, max: MAX_LATENCY_MS });
  const only = (keys: string[]) => {
    const extra = Object.keys(f).find((k) => k !== 'distribution' && !keys.includes(k));
    if (extra !== undefined)
      throw new FaultValidationError(
        `${at}.${extra}`,
        `is not a field of a ${String(f.distribution)} latency`,
      );
  };
  switch (f.distribution) {
    case 'fixed':
      only(['ms']);
      return { distribution: 'fixed', ms: ms('ms') };
    case 'uniform': {
      only(['min', 'max']);
      const min = ms('min');
      const max = ms('max');
      if (max < min) throw new FaultValidationError(`${at}.max`, 'must be at least min');
      return { distribution: 'uniform', min, max };
    }
    case 'lognormal': {
      only(['median', 'p95', 'max']);
      const median = ms('median', 1);
      const p95 = f.p95 === undefined ? median * 2 : ms('p95', 1);
      if (p95 < median) throw new FaultValidationError(`${at}.p95`, 'must be at least median');
      const spec: LatencySpec = { distribution: 'lognormal', median, p95 };
      if (f.max !== undefined) {
        spec.max = ms('max', 1);
        if (spec.max < median) throw new FaultValidationError(`${at}.max`, 'must be at least median');
      }
      return spec;
    }
    default:
      throw new FaultValidationError(`${at}.distribution`, 'must be one of fixed, uniform, lognormal');
  }
}

function tlsVersions(value: unknown, at: string): TlsVersion[] {
  if (!Array.isArray(value) || value.length === 0)
    throw new FaultValidationError(at, 'must be a non-empty list');
  const check = oneOf(TLS_VERSIONS);
  return [...new Set(value.map((v, i) => check(v, `${at}[${i}]`)))];
}

function headers(value: unknown, at: string): Record<string, string> {
  const f = object(value, at);
  const out: Record<string, string> = {};
  for (const [name, v] of Object.entries(f)) {
    const field = `${at}.${name}`;
    if (!HEADER_NAME.test(name) || RESERVED_HEADERS.has(name.toLowerCase())) {
      throw new FaultValidationError(field, 'is not a header name a fault may set');
    }
    const text = string(v, field, 1024);
    if (/[\r\n\0]/.test(text)) throw new FaultValidationError(field, 'must not contain line breaks');
    out[name] = text;
  }
  return out;
}

/** Header names are case-insensitive: a caller's `server` replaces the default `Server`. */
function mergeHeaders(
  base: Readonly<Record<string, string>>,
  over: Record<string, string>,
): Record<string, string> {
  const overridden = new Set(Object.keys(over).map((k) => k.toLowerCase()));
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(base)) if (!overridden.has(k.toLowerCase())) out[k] = v;
  return { ...out, ...over };
}
