import { z } from 'zod';
import { normalizeHost, parseHostPort } from '../network/host-port';
import { catalogCodeSchema } from './catalog-code';
import { checkRoleSchema } from './catalog-enums';
import { durationAtMostSchema } from './duration';
import { expected } from './schema-messages';

// Checks as written in the catalog (YAML or REST body). Durations arrive as '30s' or numbers of
// seconds and leave the schema as seconds. Kind-specific options are strict so that a typo is an
// error instead of a silently ignored setting.

export const DEFAULT_CHECK_INTERVAL_S = 60;
/** Longest check interval: a day (a rarer check is not monitoring). */
export const MAX_CHECK_INTERVAL_S = 86_400;
/** Longest run timeout: 5 minutes (and always below the interval, see check-rules). */
export const MAX_CHECK_TIMEOUT_S = 300;
/** Longest heartbeat grace after the interval. */
export const MAX_HEARTBEAT_GRACE_S = 7 * 86_400;
const intervalSchema = durationAtMostSchema(MAX_CHECK_INTERVAL_S, '1d');
const timeoutSchema = durationAtMostSchema(MAX_CHECK_TIMEOUT_S, '5m');
export const DEFAULT_CHECK_REGIONS = ['local'];
/** The default timeout: 10 s, but always below the interval (half of it for short intervals). */
export function defaultCheckTimeoutS(intervalS: number): number {
  return Math.min(10, intervalS / 2);
}

const httpUrl = z.string({ error: expected('expected a URL') }).superRefine((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'expected an absolute http:// or https:// URL' });
    return;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    ctx.addIssue({ code: 'custom', message: `expected an http:// or https:// URL, not ${url.protocol}//` });
  } else if (!url.hostname) {
    ctx.addIssue({ code: 'custom', message: 'the URL has no host' });
  } else if (url.username || url.password) {
    // Credentials in a URL end up in logs and API responses; headers are the place for them.
    ctx.addIssue({ code: 'custom', message: 'credentials in the URL are not allowed; use options.headers' });
  }
});

const plainHttpUrl = z.string({ error: expected('expected true or an http:// URL') }).refine((value) => {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' && !!url.hostname && !url.username && !url.password;
  } catch {
    return false;
  }
}, 'expected true or an absolute http:// URL without credentials');

const hostPort = z
  .string({ error: expected('expected host:port') })
  .refine((v) => parseHostPort(v) !== undefined, 'expected host:port (IPv6 as [addr]:port), port 1-65535');

const resolver = z
  .string({ error: expected('expected host or host:port') })
  .refine((v) => parseHostPort(v, 53) !== undefined, 'expected host or host:port (IPv6 as [addr]:port)');

const dnsName = z
  .string({ error: expected('expected a DNS name') })
  .refine((v) => !v.includes(':') && normalizeHost(v) !== undefined, 'expected a DNS name such as egov.kz');

const caFile = z
  .string({ error: expected('expected a path') })
  .min(1, 'must not be empty')
  .refine(
    (p) => !p.startsWith('/') && !/^[a-zA-Z]:[\\/]/.test(p),
    'must be a path relative to the catalog folder',
  );

const thresholdsSchema = z.strictObject({
  degraded_ms: z.number().int().positive().optional(),
  failures: z.number().int().min(1).max(100).optional(),
  successes: z.number().int().min(1).max(100).optional(),
});
export type CheckThresholds = z.infer<typeof thresholdsSchema>;

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** HTTP Basic credentials (RFC 7617); the password is a check secret and may be `${env:NAME}`. */
const basicAuthSchema = z.strictObject({
  username: z
    .string()
    .min(1)
    .max(256)
    .refine((u) => !u.includes(':'), 'must not contain ":"'),
  password: z.string().max(1024),
});

export const httpOptionsSchema = z
  .strictObject({
    method: z.enum(HTTP_METHODS).default('GET'),
    headers: z.record(z.string(), z.string()).optional(),
    body: z.string().max(65536).optional(),
    basic_auth: basicAuthSchema.optional(),
    follow_redirects: z.boolean().default(true),
    max_redirects: z.number().int().min(0).max(20).default(5),
    max_body_bytes: z
      .number()
      .int()
      .min(1)
      .max(64 * 1024 * 1024)
      .default(1024 * 1024),
    ca_file: caFile.optional(),
    servername: z.string().min(1).optional(),
    /** For an https:// target: also ask the plain-HTTP entry point whether it redirects to https. */
    plain_http_url: z.union([z.boolean(), plainHttpUrl]).optional(),
  })
  .refine(
    (o) => !o.basic_auth || !Object.keys(o.headers ?? {}).some((h) => h.toLowerCase() === 'authorization'),
    { message: 'use either basic_auth or an Authorization header, not both', path: ['basic_auth'] },
  );
export const tcpOptionsSchema = z.strictObject({
  send: z.string().max(65536).optional(),
  expect: z.string().max(65536).optional(),
});
export const DNS_RECORD_TYPES = [
  'A',
  'AAAA',
  'CNAME',
  'MX',
  'NS',
  'TXT',
  'SOA',
  'SRV',
  'PTR',
  'CAA',
] as const;
export const DNS_RCODES = ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED'] as const;
export const dnsOptionsSchema = z.strictObject({
  record_type: z.enum(DNS_RECORD_TYPES).default('A'),
  resolver: resolver.optional(),
  expect: z.array(z.string()).optional(),
  rcode: z.enum(DNS_RCODES).default('NOERROR'),
});
export const tlsOptionsSchema = z.strictObject({
  servername: z.string().min(1).optional(),
  ca_file: caFile.optional(),
  /** The resolver asked for the host name's AAAA record (IPv6); default the system's. */
  resolver: resolver.optional(),
});
/** Heartbeat options; `grace` is written as a duration and leaves the schema as `grace_s`. */
export const heartbeatOptionsSchema = z
  .strictObject({ grace: durationAtMostSchema(MAX_HEARTBEAT_GRACE_S, '7d').optional() })
  .transform(({ grace }) => (grace === undefined ? {} : { grace_s: grace }));

const checkCommon = {
  code: catalogCodeSchema,
  interval: intervalSchema.default(DEFAULT_CHECK_INTERVAL_S),
  regions: z
    .array(catalogCodeSchema)
    .min(1, 'list at least one region')
    .refine((r) => new Set(r).size === r.length, 'regions must not repeat')
    .default(DEFAULT_CHECK_REGIONS),
  conditions: z.array(z.string().trim().min(1, 'must not be empty').max(500)).max(50).default([]),
  thresholds: thresholdsSchema.default({}),
  /** Unset: the kind's default (http, heartbeat primary; dns, tcp, tls diagnostic). */
  role: checkRoleSchema.optional(),
  enabled: z.boolean().default(true),
};

const noTarget = z
  .unknown()
  .refine((v) => v === undefined, 'heartbeat checks have no target; the system pushes to /api/push/{token}')
  .optional();
const noTimeout = z
  .unknown()
  .refine((v) => v === undefined, 'heartbeat checks have no timeout; use options.grace')
  .optional();

export const httpCheckSchema = z.strictObject({
  ...checkCommon,
  kind: z.literal('http'),
  target: httpUrl,
  timeout: timeoutSchema.optional(),
  options: httpOptionsSchema.prefault({}),
});
export const tcpCheckSchema = z.strictObject({
  ...checkCommon,
  kind: z.literal('tcp'),
  target: hostPort,
  timeout: timeoutSchema.optional(),
  options: tcpOptionsSchema.prefault({}),
});
export const dnsCheckSchema = z.strictObject({
  ...checkCommon,
  kind: z.literal('dns'),
  target: dnsName,
  timeout: timeoutSchema.optional(),
  options: dnsOptionsSchema.prefault({}),
});
export const tlsCheckSchema = z.strictObject({
  ...checkCommon,
  kind: z.literal('tls'),
  target: hostPort,
  timeout: timeoutSchema.optional(),
  options: tlsOptionsSchema.prefault({}),
});
export const heartbeatCheckSchema = z.strictObject({
  ...checkCommon,
  kind: z.literal('heartbeat'),
  target: noTarget,
  timeout: noTimeout,
  options: heartbeatOptionsSchema.prefault({}),
});

/** One check as written under a system's `checks:` (or as a REST body). */
export const checkDocumentSchema = z.discriminatedUnion(
  'kind',
  [httpCheckSchema, tcpCheckSchema, dnsCheckSchema, tlsCheckSchema, heartbeatCheckSchema],
  { error: 'kind must be one of http, tcp, dns, tls, heartbeat' },
);
export type CheckDocumentInput = z.input<typeof checkDocumentSchema>;
export type CheckDocument = z.output<typeof checkDocumentSchema>;

/**
 * A REST PATCH of a check: any field but the code. The merged result is validated again with
 * checkDocumentSchema, so this only checks the shape; nested objects (options, thresholds)
 * replace the stored ones as a whole.
 */
export const checkPatchSchema = z.strictObject({
  kind: z.string().optional(),
  target: z.string().nullable().optional(),
  interval: z.union([z.number(), z.string()]).optional(),
  timeout: z.union([z.number(), z.string()]).nullable().optional(),
  regions: z.array(z.string()).optional(),
  conditions: z.array(z.string()).optional(),
  thresholds: z.record(z.string(), z.unknown()).optional(),
  options: z.record(z.string(), z.unknown()).optional(),
  role: z.string().nullable().optional(),
  enabled: z.boolean().optional(),
});
export type CheckPatch = z.infer<typeof checkPatchSchema>;
