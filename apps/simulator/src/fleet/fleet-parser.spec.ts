import { readFileSync } from 'node:fs';
import { FleetError } from './fleet-error';
import { bundledFleetFile } from './fleet-locator';
import { findCycle, parseFleet } from './fleet-parser';

const bundledText = readFileSync(bundledFleetFile(), 'utf8');

const minimal = (systems: string, extra = '') => `
categories:
  documents: { kk: Құжаттар, ru: Документы, en: Documents }
agencies:
  nit: { kk: «Ұлттық ақпараттық технологиялар» АҚ, ru: АО «НИТ», en: NIT }
personas:
  modern: { tls: [TLSv1.2, TLSv1.3], server: nginx/1.28.0, powered_by: null, hsts: max-age=1, csp: null, http2: true }
${extra}
systems:
${systems}
`;

describe('parseFleet', () => {
  const fleet = parseFleet(bundledText);

  it('reads the whole reference fleet', () => {
    expect(fleet.systems.length).toBeGreaterThanOrEqual(30);
    expect(fleet.agencies).toHaveLength(15);
    expect(fleet.categories).toHaveLength(10);
    expect(Object.keys(fleet.personas).sort()).toEqual([
      'abandoned',
      'dated',
      'legacy-windows',
      'modern',
      'neglected',
    ]);
    // every agency owns at least one system
    expect(new Set(fleet.systems.map((s) => s.agency)).size).toBe(15);
  });

  it('keeps names, flags and dependencies', () => {
    const esf = fleet.systems.find((s) => s.code === 'esf')!;
    expect(esf).toMatchObject({
      agency: 'src',
      tier: 'critical',
      category: 'taxes',
      persona: 'legacy-windows',
      public: true,
      publicUrl: 'https://esf.gov.kz',
      dependsOn: ['gbd-ul', 'nca-ocsp'],
      name: {
        kk: '«Электрондық шот-фактуралар» ақпараттық жүйесі',
        ru: 'ИС «Электронные счета-фактуры»',
        en: 'Electronic Invoices system (ESF)',
      },
    });
    expect(fleet.systems.find((s) => s.code === 'gbd-fl')!.public).toBe(false);
    expect(fleet.agencies.find((a) => a.code === 'nit')!.name.kk).toBe(
      '«Ұлттық ақпараттық технологиялар» АҚ',
    );
  });

  it('reads personas with their TLS versions and headers', () => {
    expect(fleet.personas['legacy-windows']).toEqual({
      code: 'legacy-windows',
      tls: ['TLSv1', 'TLSv1.2'],
      server: 'Microsoft-IIS/7.5',
      poweredBy: 'ASP.NET',
      aspnetVersion: '4.0.30319',
      hsts: null,
      csp: null,
      http2: false,
    });
    expect(fleet.personas.modern).toMatchObject({
      hsts: 'max-age=31536000; includeSubDomains',
      csp: "default-src 'self'",
      poweredBy: null,
      http2: true,
    });
  });

  it('rejects an unknown agency, naming the field', () => {
    const text = minimal('  a: { agency: nope, tier: high, persona: modern, kk: a, ru: b, en: c }');
    expect(() => parseFleet(text, 'f.yaml')).toThrow(
      new FleetError('f.yaml', 'systems.a.agency', 'unknown agency "nope"'),
    );
  });

  it('rejects an unknown persona, tier or dependency', () => {
    expect(() =>
      parseFleet(minimal('  a: { agency: nit, tier: high, persona: retro, kk: a, ru: b, en: c }')),
    ).toThrow(/systems\.a\.persona: unknown persona/);
    expect(() =>
      parseFleet(minimal('  a: { agency: nit, tier: urgent, persona: modern, kk: a, ru: b, en: c }')),
    ).toThrow(/systems\.a\.tier/);
    expect(() =>
      parseFleet(
        minimal('  a: { agency: nit, tier: high, persona: modern, depends_on: [b], kk: a, ru: b, en: c }'),
      ),
    ).toThrow(/systems\.a\.depends_on: unknown system "b"/);
  });

  it('rejects a dependency cycle and names it', () => {
    const text = minimal(
      [
        '  a: { agency: nit, tier: high, persona: modern, depends_on: [b], kk: a, ru: b, en: c }',
        '  b: { agency: nit, tier: high, persona: modern, depends_on: [a], kk: a, ru: b, en: c }',
      ].join('\n'),
    );
    expect(() => parseFleet(text)).toThrow(/dependency cycle a -> b -> a/);
  });

  it('rejects a missing name, bad YAML and bad codes', () => {
    expect(() =>
      parseFleet(minimal('  a: { agency: nit, tier: high, persona: modern, kk: a, ru: b }')),
    ).toThrow(/systems\.a\.en: must be a non-empty string/);
    expect(() => parseFleet('systems: [unclosed')).toThrow(/not valid YAML/);
    expect(() =>
      parseFleet(minimal('  Bad_Code: { agency: nit, tier: high, persona: modern, kk: a, ru: b, en: c }')),
    ).toThrow(/systems\.Bad_Code: code must match/);
  });
});

describe('findCycle', () => {
  it('finds none in a DAG and the path in a cycle', () => {
    expect(
      findCycle([
        { code: 'a', dependsOn: ['b'] },
        { code: 'b', dependsOn: [] },
      ]),
    ).toBeNull();
    expect(
      findCycle([
        { code: 'x', dependsOn: ['y'] },
        { code: 'y', dependsOn: ['z'] },
        { code: 'z', dependsOn: ['y'] },
      ]),
    ).toEqual(['y', 'z', 'y']);
  });
});
