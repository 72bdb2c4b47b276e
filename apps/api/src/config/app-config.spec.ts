import { loadAppConfig } from './app-config';
import { InvalidConfigError } from './config.errors';

describe('loadAppConfig', () => {
  it('applies the documented defaults: port 3000, demo on without a catalog folder, loopback probes in demo', () => {
    const config = loadAppConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.demo).toBe(true);
    expect(config.minIntervalS).toBe(10);
    expect(config.probeAllow).toEqual(['127.0.0.0/8']);
    expect(config.dataDir).toMatch(/\/data$/);
    expect(config.probing).toMatchObject({ clockSkewMs: 5_000, replayHorizonMs: 72 * 3_600_000 });
  });

  it('runs the embedded agent in a worker thread by default; inline on request; anything else is refused naming the variable', () => {
    expect(loadAppConfig({}).probing.embeddedAgentMode).toBe('worker');
    expect(loadAppConfig({ KUZET_EMBEDDED_AGENT_MODE: 'inline' }).probing.embeddedAgentMode).toBe('inline');
    expect(() => loadAppConfig({ KUZET_EMBEDDED_AGENT_MODE: 'thread' })).toThrow(/KUZET_EMBEDDED_AGENT_MODE/);
  });

  it('turns the demo off when a catalog folder is given, and probes get no private networks by default', () => {
    const config = loadAppConfig({ KUZET_CATALOG_DIR: '/etc/kuzet/catalog' });
    expect(config.demo).toBe(false);
    expect(config.catalogDir).toBe('/etc/kuzet/catalog');
    expect(config.probeAllow).toEqual([]);
  });

  it('lets KUZET_DEMO override the default and parses CIDR lists', () => {
    const config = loadAppConfig({ KUZET_CATALOG_DIR: '/c', KUZET_DEMO: 'on', KUZET_PROBE_ALLOW: '10.0.0.0/8, 192.168.1.0/24' });
    expect(config.demo).toBe(true);
    expect(config.probeAllow).toEqual(['10.0.0.0/8', '192.168.1.0/24']);
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['KUZET_MIN_INTERVAL_S', '0'],
    ['KUZET_DEMO', 'maybe'],
    ['KUZET_PROBE_ALLOW', '10.0.0.0'],
    ['KUZET_ADMIN_EMAIL', 'not-an-email'],
    ['KUZET_SMTP_URL', 'http://mail.example'],
    ['KUZET_TELEGRAM_API_URL', 'api.telegram.org'],
    ['KUZET_TELEGRAM_BOT_TOKEN', 'not a token'],
    ['KUZET_TELEGRAM_WEBHOOK_SECRET', 'short'],
    ['KUZET_TELEGRAM_WEBHOOK_SECRET', 'has spaces in it, not allowed'],
    ['KUZET_CHANNEL_TIMEOUT_MS', '5'],
    ['KUZET_TRUST_PROXY', 'true'],
    ['KUZET_TRUST_PROXY', '10.0.0.0/33'],
    ['KUZET_TRUST_PROXY', 'proxy.example.kz'],
    ['KUZET_TRUST_PROXY', '-1'],
    ['KUZET_METRICS_TOKEN', 'short'],
    ['KUZET_PROBE_CLOCK_SKEW_S', '301'],
    ['KUZET_PROBE_REPLAY_HORIZON_H', '0'],
  ])('refuses %s=%s naming the variable', (variable, value) => {
    let error: unknown;
    try {
      loadAppConfig({ [variable]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidConfigError);
    expect((error as InvalidConfigError).problems.map((p) => p.variable)).toEqual([variable]);
    expect((error as InvalidConfigError).message).toContain(variable);
  });

  it('reads the alert channels, trimming the Telegram base URL', () => {
    const config = loadAppConfig({
      KUZET_SMTP_URL: 'smtp://127.0.0.1:2525',
      KUZET_TELEGRAM_API_URL: 'http://127.0.0.1:8081/',
      KUZET_TELEGRAM_BOT_TOKEN: '123456:ABC-def_1',
      KUZET_TELEGRAM_WEBHOOK_SECRET: 'webhook-secret_0123456789',
    });
    expect(config.alertChannels).toEqual({
      smtpUrl: 'smtp://127.0.0.1:2525',
      smtpFrom: 'Kuzet <kuzet@localhost>',
      telegramApiUrl: 'http://127.0.0.1:8081',
      telegramBotToken: '123456:ABC-def_1',
      telegramWebhookSecret: 'webhook-secret_0123456789',
      sendTimeoutMs: 10_000,
      subscriberWebhookAllow: [],
    });
    expect(loadAppConfig({}).alertChannels.telegramApiUrl).toBe('https://api.telegram.org');
    expect(loadAppConfig({ KUZET_SUBSCRIBER_WEBHOOK_ALLOW: '10.20.0.0/16' }).alertChannels.subscriberWebhookAllow).toEqual(['10.20.0.0/16']);
    expect(() => loadAppConfig({ KUZET_SUBSCRIBER_WEBHOOK_ALLOW: '10.20.0.0' })).toThrow(/KUZET_SUBSCRIBER_WEBHOOK_ALLOW/);
  });

  it('trusts no proxy by default: the client address is the socket address', () => {
    expect(loadAppConfig({}).trustProxy).toBe(false);
    expect(loadAppConfig({ KUZET_TRUST_PROXY: 'off' }).trustProxy).toBe(false);
  });

  it('parses KUZET_TRUST_PROXY as a hop count or a list of proxy addresses and networks', () => {
    expect(loadAppConfig({ KUZET_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadAppConfig({ KUZET_TRUST_PROXY: '127.0.0.1' }).trustProxy).toEqual(['127.0.0.1']);
    expect(loadAppConfig({ KUZET_TRUST_PROXY: '10.0.0.0/8, ::1, fd00::/8,loopback' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
  });

  it('keeps /metrics open without KUZET_METRICS_TOKEN and takes the token when given', () => {
    expect(loadAppConfig({}).metricsToken).toBeUndefined();
    expect(loadAppConfig({ KUZET_METRICS_TOKEN: 'a-long-enough-scrape-token' }).metricsToken).toBe('a-long-enough-scrape-token');
    expect(loadAppConfig({}).metricsPerSystem).toBe(false);
    expect(loadAppConfig({ KUZET_METRICS_PER_SYSTEM: 'true' }).metricsPerSystem).toBe(true);
    expect(() => loadAppConfig({ KUZET_METRICS_PER_SYSTEM: 'per-check' })).toThrow();
  });

  it('treats an empty value as unset', () => {
    expect(loadAppConfig({ PORT: '' }).port).toBe(3000);
  });

  it('exposes a read-only snapshot of the environment for ${env:NAME} in the catalog; empty is not set', () => {
    const env: Record<string, string> = { EGOV_TOKEN: 'tok', EMPTY: '' };
    const config = loadAppConfig(env, { OVERRIDDEN: 'o' });
    env.EGOV_TOKEN = 'changed later';
    expect(config.catalogEnv('EGOV_TOKEN')).toBe('tok');
    expect(config.catalogEnv('OVERRIDDEN')).toBe('o');
    expect(config.catalogEnv('EMPTY')).toBeUndefined();
    expect(config.catalogEnv('NOPE')).toBeUndefined();
  });
});
