import { readFileSync } from 'node:fs';
import { bundledFleetFile } from '../fleet/fleet-locator';
import { parseFleet } from '../fleet/fleet-parser';
import { Fleet } from '../fleet/fleet.types';
import { SimulatedSystemInfo } from '../system/simulated-system.types';
import { buildCatalog, formatSeconds, timeoutFor } from './catalog-builder';
import { CatalogSystem } from './catalog.types';

/** System infos as the running simulator reports them, with made-up ports. */
function fakeInfos(fleet: Fleet): SimulatedSystemInfo[] {
  return fleet.systems.map((s, i) => ({
    code: s.code,
    agency: s.agency,
    name: s.name,
    tier: s.tier,
    category: s.category,
    persona: s.persona,
    public: s.public,
    depends_on: s.dependsOn,
    hostname: `${s.code}.sim.kuzet.test`,
    ports: { http: 41001 + 3 * i, https: 41002 + 3 * i, tcp: 41003 + 3 * i },
  }));
}

describe('buildCatalog', () => {
  const fleet = parseFleet(readFileSync(bundledFleetFile(), 'utf8'));
  const files = buildCatalog({ fleet, systems: fakeInfos(fleet), dnsPort: 41000, intervalS: 30 });
  const systems = files.flatMap((f) => f.content.systems ?? []);

  it('lays out categories, agencies and one systems file per agency', () => {
    const paths = files.map((f) => f.path);
    expect(paths.slice(0, 2)).toEqual(['categories.yaml', 'agencies.yaml']);
    expect(paths.filter((p) => p.startsWith('systems/'))).toHaveLength(15);
    expect(paths).toContain('systems/src.yaml');
    expect(files[0].content.categories).toHaveLength(10);
    expect(files[1].content.agencies).toHaveLength(15);
    for (const f of files.filter((x) => x.path.startsWith('systems/'))) {
      const agency = f.path.slice('systems/'.length, -'.yaml'.length);
      expect(f.content.systems!.every((s) => s.agency === agency)).toBe(true);
    }
  });

  it('gives every system https, tcp, dns and tls checks pointing at the simulator (critical ones every 10 s)', () => {
    expect(systems.length).toBeGreaterThanOrEqual(30);
    const esf = systems.find((s) => s.code === 'esf') as CatalogSystem;
    const index = fleet.systems.findIndex((s) => s.code === 'esf');
    const https = 41002 + 3 * index;
    expect(esf).toMatchObject({
      agency: 'src',
      tier: 'critical',
      category: 'taxes',
      public: true,
      depends_on: ['gbd-ul', 'nca-ocsp'],
    });
    expect(esf.checks).toEqual([
      {
        code: 'https',
        kind: 'http',
        target: `https://127.0.0.1:${https}/health`,
        interval: '10s',
        timeout: '3s',
        conditions: ['[STATUS] == 200', '[BODY].status == "UP"'],
        options: {
          ca_file: './simulator-ca.pem',
          servername: 'esf.sim.kuzet.test',
          plain_http_url: `http://127.0.0.1:${41001 + 3 * index}/`,
        },
      },
      { code: 'tcp', kind: 'tcp', target: `127.0.0.1:${41003 + 3 * index}`, interval: '10s', timeout: '3s' },
      {
        code: 'dns',
        kind: 'dns',
        target: 'esf.sim.kuzet.test',
        interval: '10s',
        timeout: '3s',
        options: { record_type: 'A', resolver: '127.0.0.1:41000', expect: ['127.0.0.1'] },
      },
      {
        code: 'tls',
        kind: 'tls',
        target: `127.0.0.1:${https}`,
        interval: '10s',
        timeout: '3s',
        options: {
          ca_file: './simulator-ca.pem',
          servername: 'esf.sim.kuzet.test',
          resolver: '127.0.0.1:41000',
        },
      },
    ]);
  });

  it('checks critical systems every 10 s with a 3 s timeout, the others at the given interval', () => {
    for (const s of systems) {
      const timing = s.checks.map((c) => [c.interval, c.timeout]);
      const want = s.tier === 'critical' ? ['10s', '3s'] : ['30s', '10s'];
      expect(timing).toEqual(s.checks.map(() => want));
    }
    expect(systems.some((s) => s.tier === 'critical')).toBe(true);
    expect(systems.some((s) => s.tier !== 'critical')).toBe(true);
  });

  it('gives every demo system a short name in kk, ru and en, shorter than its full name or equal to it', () => {
    expect(systems.find((s) => s.code === 'salyk-cabinet')?.short_name).toEqual({ kk: 'Салық кабинеті', ru: 'Кабинет НП', en: 'Taxpayer Cabinet' });
    for (const s of systems) {
      expect(s.short_name).toBeDefined();
      for (const lang of ['kk', 'ru', 'en'] as const) {
        const short = s.short_name![lang];
        expect(short.trim().length).toBeGreaterThan(0);
        expect(short.length).toBeLessThanOrEqual(Math.min(40, s.name[lang].length));
        expect(short).not.toMatch(/…$/);
      }
    }
  });

  it('leaves out empty dependency lists', () => {
    expect(systems.find((s) => s.code === 'egov-gateway')).not.toHaveProperty('depends_on');
  });

  it('honours a short interval with a timeout below it', () => {
    const fast = buildCatalog({ fleet, systems: fakeInfos(fleet), dnsPort: 1, intervalS: 1 });
    expect(fast[2].content.systems![0].checks[0]).toMatchObject({ interval: '1s', timeout: '800ms' });
    expect(() => buildCatalog({ fleet, systems: [], dnsPort: 1, intervalS: 0 })).toThrow(/positive/);
  });
});

describe('durations', () => {
  it.each([
    [30, '30s'],
    [1, '1s'],
    [0.8, '800ms'],
    [2.5, '2500ms'],
  ])('formats %s s as %s', (s, text) => expect(formatSeconds(s)).toBe(text));

  it('keeps the timeout below the interval and at most 10 s', () => {
    expect(timeoutFor(60)).toBe(10);
    expect(timeoutFor(5)).toBe(4);
    expect(timeoutFor(1)).toBeLessThan(1);
  });
});
