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

  it('treats an empty value as unset', () => {
    expect(loadAppConfig({ PORT: '' }).port).toBe(3000);
  });
});
