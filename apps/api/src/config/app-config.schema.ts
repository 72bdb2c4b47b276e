import { isIP } from 'node:net';
import { z } from 'zod';

// Every environment variable Kuzet reads is declared here, validated once at boot.
// Nothing else in the code base reads process.env.
const bool = z
  .enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no'])
  .transform((v) => ['1', 'true', 'on', 'yes'].includes(v));
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const cidrList = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^[0-9a-fA-F:.]+\/\d{1,3}$/, 'expected a comma-separated list of CIDRs')));

/** proxy-addr's names for whole ranges, accepted besides addresses and CIDRs. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Which peers may tell the client address in X-Forwarded-For: off (the socket address is the
 * client), a hop count, or the proxies' addresses/CIDRs. Never "everyone": any client could then
 * pick its own address.
 */
const trustProxy = z.string().transform((value, ctx): false | number | string[] => {
  const v = value.trim().toLowerCase();
  if (['off', 'false', 'no', '0'].includes(v)) return false;
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops <= 32) return hops;
  }
  const entries = v.split(',').map((x) => x.trim()).filter(Boolean);
  if (entries.length > 0 && entries.every(isProxyAddress)) return entries;
  ctx.addIssue({
    code: 'custom',
    message: 'expected off, a hop count (1-32), or a comma-separated list of proxy addresses or CIDRs (trusting every client is not offered)',
  });
  return z.NEVER;
});

export const appConfigSchema = z.object({
  PORT: int(0, 65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'expected a postgres:// URL').optional(),
  KUZET_DATA_DIR: z.string().min(1).default('./data'),
  KUZET_CATALOG_DIR: z.string().min(1).optional(),
  KUZET_DEMO: bool.optional(),
  KUZET_MIN_INTERVAL_S: int(1, 86400).default(10),
  KUZET_PROBE_ALLOW: cidrList.optional(),
  KUZET_ADMIN_EMAIL: z.string().email().optional(),
  KUZET_ADMIN_PASSWORD: z.string().min(8).optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'expected a redis:// URL').optional(),
  // The channel prefix of the socket.io fan-out: installations (or test runs) sharing one Redis keep apart
  KUZET_REDIS_KEY: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/, 'letters, digits and . _ : - only').default('kuzet.socket.io'),
  KUZET_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KUZET_EMBEDDED_PG_PORT: int(1, 65535).default(54329),
  KUZET_RAW_RETENTION_DAYS: int(1, 3650).default(30),
  KUZET_ROLLUP_RETENTION_DAYS: int(1, 36500).default(1825),
  KUZET_COMPRESS_AFTER_DAYS: int(1, 3650).default(3),
  KUZET_CATALOG_WATCH: bool.default(true),
  KUZET_SIMULATOR_CONTROL_PORT: int(0, 65535).default(3999),
  KUZET_PROBE_AGENT_TTL_S: int(5, 600).default(20),
  KUZET_PROBE_SWEEP_S: int(1, 60).default(5),
  KUZET_PROBE_POLL_WAIT_S: int(1, 60).default(25),
  KUZET_EMBEDDED_REGION: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'expected a region code').default('local'),
  KUZET_EMBEDDED_AGENT: bool.default(true),
  KUZET_EMBEDDED_AGENT_MODE: z.enum(['worker', 'inline']).default('worker'),
  KUZET_PROBE_CANARIES: z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .optional(),
  KUZET_HEARTBEAT_TICK_S: int(1, 60).default(1),
  KUZET_INGEST_QUEUE_MAX: int(100, 10_000_000).default(50_000),
  KUZET_INGEST_BATCH_MAX: int(1, 50_000).default(5_000),
  KUZET_INGEST_LINGER_MS: int(1, 10_000).default(50),
  KUZET_INGEST_WRITE_CONCURRENCY: int(1, 16).default(2),
  KUZET_INGEST_WRITE_TIMEOUT_MS: int(100, 600_000).default(30_000),
  KUZET_INCIDENT_COOLDOWN_S: int(0, 86_400).default(120),
  KUZET_INCIDENT_SWEEP_S: int(0, 3_600).default(10),
  KUZET_DETECT_STALE_INTERVALS: int(1, 100).default(3),
  KUZET_DETECT_LATENCY_BASELINE: bool.default(false),
  KUZET_DETECT_PARENT_GRACE_S: int(0, 600).default(15),
  KUZET_DETECT_QUEUE_MAX: int(100, 10_000_000).default(100_000),
  KUZET_DETECT_CATCH_UP_S: int(0, 86_400).default(120),
  KUZET_LEADER_CHECK_MS: int(100, 60_000).default(2_000),
  KUZET_RECHECK_DELAY_MS: int(0, 60_000).default(1_000),
  KUZET_PROBE_CLOCK_SKEW_S: int(0, 300).default(5),
  KUZET_PROBE_REPLAY_HORIZON_H: int(1, 24 * 30).default(72),
  KUZET_SESSION_TTL_H: int(1, 24 * 90).default(12),
  KUZET_COOKIE_SECURE: bool.optional(),
  KUZET_LOGIN_RATE_LIMIT: int(1, 10_000).default(10),
  KUZET_LOGIN_RATE_WINDOW_S: int(1, 86_400).default(60),
  KUZET_LOGIN_ADDRESS_LIMIT: int(1, 1_000_000).default(50),
  KUZET_SUBSCRIBE_WINDOW_S: int(1, 604_800).default(3600),
  KUZET_SUBSCRIBE_ADDRESS_LIMIT: int(1, 1_000_000).default(20),
  KUZET_SUBSCRIBE_EMAIL_LIMIT: int(1, 1000).default(3),
  KUZET_TRUST_PROXY: trustProxy.optional(),
  KUZET_PUBLIC_RATE_LIMIT: int(1, 1_000_000).default(600),
  KUZET_METRICS_TOKEN: z.string().min(16, 'expected at least 16 characters').optional(),
  KUZET_METRICS_PER_SYSTEM: bool.default(false),
  KUZET_REALTIME_REPLAY_EVENTS: int(10, 1_000_000).default(10_000),
  KUZET_REALTIME_SUMMARY_MS: int(100, 600_000).default(5_000),
  KUZET_SMTP_URL: z.string().regex(/^smtps?:\/\/[^/\s]+/, 'expected an smtp:// or smtps:// URL').optional(),
  KUZET_SMTP_FROM: z.string().min(3).default('Kuzet <kuzet@localhost>'),
  KUZET_TELEGRAM_API_URL: z
    .string()
    .regex(/^https?:\/\/[^\s]+$/, 'expected an http:// or https:// URL')
    .transform((s) => s.replace(/\/+$/, ''))
    .default('https://api.telegram.org'),
  KUZET_TELEGRAM_BOT_TOKEN: z.string().regex(/^\d+:[A-Za-z0-9_-]+$/, 'expected a bot token "123456:ABC…"').optional(),
  // Telegram's setWebhook secret_token: 1-256 of A-Z a-z 0-9 _ -; at least 16 here (it authenticates updates)
  KUZET_TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,256}$/, 'expected 16 to 256 characters of A-Z, a-z, 0-9, _ and -')
    .optional(),
  KUZET_CHANNEL_TIMEOUT_MS: int(100, 600_000).default(10_000),
  KUZET_SUBSCRIBER_WEBHOOK_ALLOW: cidrList.optional(),
  // Standard Webhooks signing secrets, comma-separated, the current one first (two during a rotation)
  KUZET_WEBHOOK_SECRETS: z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()).filter((x) => x.length > 0))
    .pipe(z.array(z.string().regex(/^whsec_[A-Za-z0-9+/=]{24,}$/, 'expected whsec_<base64>')).max(2))
    .optional(),
  KUZET_PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' }).default('http://localhost:3000'),
  KUZET_SCORING_INTERVAL_S: int(10, 86_400).default(300),
  KUZET_SCORING_FIRST_RUN_S: int(0, 3_600).default(20),
  KUZET_NOTIFY_TICK_MS: int(0, 60_000).default(1_000),
  KUZET_NOTIFY_BATCH: int(1, 10_000).default(100),
  KUZET_NOTIFY_GIVE_UP_S: int(60, 30 * 86_400).default(86_400),
  KUZET_NOTIFY_RETRY_BASE_MS: int(10, 600_000).default(1_000),
  KUZET_NOTIFY_RETRY_MAX_MS: int(100, 86_400_000).default(300_000),
});

export type AppConfigValues = z.infer<typeof appConfigSchema>;
