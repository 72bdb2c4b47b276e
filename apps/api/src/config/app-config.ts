import * as path from 'node:path';
import type { EnvLookup } from '@kuzet/contracts';
import { appConfigSchema, AppConfigValues } from './app-config.schema';
import { InvalidConfigError } from './config.errors';
import type { NotificationsOptions } from '../notifications/notifications.options';

/** Validated, immutable configuration; built once at boot (see loadAppConfig). */
export class AppConfig {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly catalogDir: string | undefined;
  /** Demo mode: run the simulator and its catalog. On when no catalog folder is given. */
  readonly demo: boolean;
  readonly minIntervalS: number;
  /** Networks probes may reach besides public ones; the demo adds loopback. */
  readonly probeAllow: string[];
  readonly adminEmail: string | undefined;
  readonly adminPassword: string | undefined;
  readonly redisUrl: string | undefined;
  readonly logLevel: AppConfigValues['KUZET_LOG_LEVEL'];
  readonly embeddedPgPort: number;
  readonly rawRetentionDays: number;
  readonly rollupRetentionDays: number;
  readonly compressAfterDays: number;
  readonly catalogWatch: boolean;
  readonly simulatorControlPort: number;
  /**
   * Who may state the client address in X-Forwarded-For (Fastify's trustProxy): false = nobody,
   * the socket address is the client; a hop count; or the proxies' addresses and CIDRs.
   */
  readonly trustProxy: false | number | string[];
  /** The public API (/api/public/v1): requests per minute per client address. */
  readonly publicApi: { rateLimitPerMinute: number };
  /** When set, /metrics answers only `Authorization: Bearer <token>` and then names every system. */
  readonly metricsToken: string | undefined;
  /**
   * One Prometheus series per system (burn rates) instead of one per agency: off by default so
   * the series count does not grow with the catalog.
   */
  readonly metricsPerSystem: boolean;
  /** Ingest: queue bound (backpressure), batch size, linger, statements in flight, write timeout. */
  readonly ingest: {
    queueMaxRows: number;
    batchMaxRows: number;
    lingerMs: number;
    writeConcurrency: number;
    writeTimeoutMs: number;
  };
  /** Incidents: recovery cooldown before auto-resolve, and how often that is swept (0 = never). */
  readonly incidents: { cooldownMs: number; sweepIntervalMs: number; symptomGraceMs: number };
  /**
   * Detection: quorum staleness in check intervals, the learned latency baseline, how long a
   * failing child waits for its failing parent to be confirmed, the bounded input queue, and how
   * far back the detector reads durable results it had not seen (after a restart or an overflow).
   */
  readonly detection: {
    staleIntervals: number;
    latencyBaseline: boolean;
    parentGraceMs: number;
    queueMaxRows: number;
    catchUpMs: number;
  };
  /**
   * Leader election: how often a follower tries the advisory lock and the leader checks that its
   * lock connection is still alive (KUZET_LEADER_CHECK_MS).
   */
  readonly leadership: { checkMs: number };
  /**
   * Sign-in: session lifetime, Secure cookies ('auto', the default: when the request came over
   * HTTPS, directly or per X-Forwarded-Proto), and the sign-in limits: failures in a row per
   * (e-mail, client address) and per user on password change, and failures per client address,
   * each within loginRateWindowMs.
   */
  readonly auth: {
    adminEmail: string | undefined;
    adminPassword: string | undefined;
    sessionTtlMs: number;
    cookieSecure: boolean | 'auto';
    loginRateLimit: number;
    loginRateWindowMs: number;
    loginAddressLimit: number;
  };
  /** Agency alerts: the notifier loop, dead-letter time, retry backoff, the board's public URL. */
  readonly notifications: NotificationsOptions;
  /** Public subscriptions: sign-ups allowed per client address and per e-mail within the window. */
  readonly subscriptions: {
    windowS: number;
    addressLimit: number;
    emailLimit: number;
  };
  /** Real time: events kept for reconnect replay, the check-result summary period, Redis fan-out. */
  readonly realtime: { replayEvents: number; summaryIntervalMs: number; redisUrl: string | undefined; redisKey: string };
  /**
   * Alert delivery channels: SMTP server and sender, the Telegram Bot API and its token (a secret:
   * never logged), and how long one delivery attempt may take on any channel.
   */
  readonly alertChannels: {
    smtpUrl: string | undefined;
    smtpFrom: string;
    telegramApiUrl: string;
    telegramBotToken: string | undefined;
    /** Authenticates Telegram's webhook updates (X-Telegram-Bot-Api-Secret-Token); unset: refused. */
    telegramWebhookSecret: string | undefined;
    sendTimeoutMs: number;
    /** Non-public networks anonymous subscribers' webhooks may still reach (none by default). */
    subscriberWebhookAllow: string[];
  };
  /** Technology-debt scoring: how often every system is scored, and the first run after boot. */
  readonly scoring: { intervalMs: number; firstRunDelayMs: number };
  /** Probing: agent liveness, long-poll, the embedded agent and heartbeat evaluation. */
  readonly probing: {
    agentTtlS: number;
    sweepS: number;
    pollWaitS: number;
    embeddedRegion: string;
    embeddedAgent: boolean;
    /** 'worker' (default): the embedded agent runs in a worker thread; 'inline': on the main thread. */
    embeddedAgentMode: 'worker' | 'inline';
    canaries: string[];
    heartbeatTickS: number;
    /** Delay of the immediate recheck of a changed result (0 = no rechecks). */
    recheckDelayMs: number;
    /** A result planned later than now plus this is refused (agent clocks drift a little). */
    clockSkewMs: number;
    /** A result planned longer ago than this is refused: how long an agent's spool may replay. */
    replayHorizonMs: number;
    /** Share the live agents with the other API nodes through the database (always, in the app). */
    sharedRegistry: boolean;
  };

  /**
   * Read-only lookup of the environment Kuzet started with, for `${env:NAME}` references in the
   * catalog (check secrets): resolved by the catalog loader and the probe assignment, never by a
   * process.env read elsewhere. An empty variable counts as not set.
   */
  readonly catalogEnv: EnvLookup;

  constructor(v: AppConfigValues, env: Readonly<Record<string, string | undefined>> = {}) {
    this.port = v.PORT;
    this.host = v.HOST;
    this.databaseUrl = v.DATABASE_URL;
    this.dataDir = path.resolve(v.KUZET_DATA_DIR);
    this.catalogDir = v.KUZET_CATALOG_DIR ? path.resolve(v.KUZET_CATALOG_DIR) : undefined;
    this.demo = v.KUZET_DEMO ?? !v.KUZET_CATALOG_DIR;
    this.minIntervalS = v.KUZET_MIN_INTERVAL_S;
    this.probeAllow = v.KUZET_PROBE_ALLOW ?? (this.demo ? ['127.0.0.0/8'] : []);
    this.adminEmail = v.KUZET_ADMIN_EMAIL;
    this.adminPassword = v.KUZET_ADMIN_PASSWORD;
    this.redisUrl = v.REDIS_URL;
    this.logLevel = v.KUZET_LOG_LEVEL;
    this.embeddedPgPort = v.KUZET_EMBEDDED_PG_PORT;
    this.rawRetentionDays = v.KUZET_RAW_RETENTION_DAYS;
    this.rollupRetentionDays = v.KUZET_ROLLUP_RETENTION_DAYS;
    this.compressAfterDays = v.KUZET_COMPRESS_AFTER_DAYS;
    this.catalogWatch = v.KUZET_CATALOG_WATCH;
    this.simulatorControlPort = v.KUZET_SIMULATOR_CONTROL_PORT;
    this.trustProxy = v.KUZET_TRUST_PROXY ?? false;
    this.metricsToken = v.KUZET_METRICS_TOKEN;
    this.metricsPerSystem = v.KUZET_METRICS_PER_SYSTEM;
    this.publicApi = { rateLimitPerMinute: v.KUZET_PUBLIC_RATE_LIMIT };
    this.ingest = {
      queueMaxRows: v.KUZET_INGEST_QUEUE_MAX,
      batchMaxRows: v.KUZET_INGEST_BATCH_MAX,
      lingerMs: v.KUZET_INGEST_LINGER_MS,
      writeConcurrency: v.KUZET_INGEST_WRITE_CONCURRENCY,
      writeTimeoutMs: v.KUZET_INGEST_WRITE_TIMEOUT_MS,
    };
    this.incidents = {
      cooldownMs: v.KUZET_INCIDENT_COOLDOWN_S * 1000,
      sweepIntervalMs: v.KUZET_INCIDENT_SWEEP_S * 1000,
      symptomGraceMs: v.KUZET_DETECT_PARENT_GRACE_S * 1000,
    };
    this.detection = {
      staleIntervals: v.KUZET_DETECT_STALE_INTERVALS,
      latencyBaseline: v.KUZET_DETECT_LATENCY_BASELINE,
      parentGraceMs: v.KUZET_DETECT_PARENT_GRACE_S * 1000,
      queueMaxRows: v.KUZET_DETECT_QUEUE_MAX,
      catchUpMs: v.KUZET_DETECT_CATCH_UP_S * 1000,
    };
    this.leadership = { checkMs: v.KUZET_LEADER_CHECK_MS };
    this.catalogEnv = catalogEnvLookup(env);
    this.notifications = {
      tickMs: v.KUZET_NOTIFY_TICK_MS,
      leaseMs: 60_000,
      batchSize: v.KUZET_NOTIFY_BATCH,
      giveUpAfterMs: v.KUZET_NOTIFY_GIVE_UP_S * 1000,
      backoff: { baseMs: v.KUZET_NOTIFY_RETRY_BASE_MS, maxMs: v.KUZET_NOTIFY_RETRY_MAX_MS },
      publicUrl: v.KUZET_PUBLIC_URL,
      webhookSecrets: v.KUZET_WEBHOOK_SECRETS ?? [],
      catalogEnv: this.catalogEnv,
    };
    this.subscriptions = {
      windowS: v.KUZET_SUBSCRIBE_WINDOW_S,
      addressLimit: v.KUZET_SUBSCRIBE_ADDRESS_LIMIT,
      emailLimit: v.KUZET_SUBSCRIBE_EMAIL_LIMIT,
    };
    this.auth = {
      adminEmail: v.KUZET_ADMIN_EMAIL,
      adminPassword: v.KUZET_ADMIN_PASSWORD,
      sessionTtlMs: v.KUZET_SESSION_TTL_H * 3_600_000,
      cookieSecure: v.KUZET_COOKIE_SECURE ?? 'auto',
      loginRateLimit: v.KUZET_LOGIN_RATE_LIMIT,
      loginRateWindowMs: v.KUZET_LOGIN_RATE_WINDOW_S * 1000,
      loginAddressLimit: v.KUZET_LOGIN_ADDRESS_LIMIT,
    };
    this.realtime = {
      replayEvents: v.KUZET_REALTIME_REPLAY_EVENTS,
      summaryIntervalMs: v.KUZET_REALTIME_SUMMARY_MS,
      redisUrl: v.REDIS_URL,
      redisKey: v.KUZET_REDIS_KEY,
    };
    this.alertChannels = {
      smtpUrl: v.KUZET_SMTP_URL,
      smtpFrom: v.KUZET_SMTP_FROM,
      telegramApiUrl: v.KUZET_TELEGRAM_API_URL,
      telegramBotToken: v.KUZET_TELEGRAM_BOT_TOKEN,
      telegramWebhookSecret: v.KUZET_TELEGRAM_WEBHOOK_SECRET,
      sendTimeoutMs: v.KUZET_CHANNEL_TIMEOUT_MS,
      subscriberWebhookAllow: v.KUZET_SUBSCRIBER_WEBHOOK_ALLOW ?? [],
    };
    this.scoring = {
      intervalMs: v.KUZET_SCORING_INTERVAL_S * 1000,
      firstRunDelayMs: v.KUZET_SCORING_FIRST_RUN_S * 1000,
    };
    this.probing = {
      agentTtlS: v.KUZET_PROBE_AGENT_TTL_S,
      sweepS: v.KUZET_PROBE_SWEEP_S,
      pollWaitS: v.KUZET_PROBE_POLL_WAIT_S,
      embeddedRegion: v.KUZET_EMBEDDED_REGION,
      embeddedAgent: v.KUZET_EMBEDDED_AGENT,
      embeddedAgentMode: v.KUZET_EMBEDDED_AGENT_MODE,
      canaries: v.KUZET_PROBE_CANARIES ?? [],
      heartbeatTickS: v.KUZET_HEARTBEAT_TICK_S,
      recheckDelayMs: v.KUZET_RECHECK_DELAY_MS,
      clockSkewMs: v.KUZET_PROBE_CLOCK_SKEW_S * 1000,
      replayHorizonMs: v.KUZET_PROBE_REPLAY_HORIZON_H * 3_600_000,
      sharedRegistry: true,
    };
    Object.freeze(this);
  }
}

/** An EnvLookup over a snapshot of the environment (copied: later changes are not seen). */
export function catalogEnvLookup(env: Readonly<Record<string, string | undefined>>): EnvLookup {
  const snapshot = new Map(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
  return (name) => snapshot.get(name);
}

/** Parses an environment once; a bad value throws InvalidConfigError naming the variable. */
export function loadAppConfig(env: Record<string, string | undefined>, overrides: Record<string, string> = {}): AppConfig {
  const source: Record<string, string> = {};
  for (const key of Object.keys(appConfigSchema.shape)) {
    const value = overrides[key] ?? env[key];
    if (value !== undefined && value !== '') source[key] = value;
  }
  const parsed = appConfigSchema.safeParse(source);
  if (!parsed.success) {
    throw new InvalidConfigError(
      parsed.error.issues.map((i) => ({ variable: String(i.path[0] ?? '?'), message: i.message })),
    );
  }
  return new AppConfig(parsed.data, { ...env, ...overrides });
}
