import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { bundledFleetFile } from '../fleet/fleet-locator';
import { parseFleet } from '../fleet/fleet-parser';
import { Fleet } from '../fleet/fleet.types';
import { SimulatedSystemInfo } from '../system/simulated-system.types';
import { buildCatalog } from './catalog-builder';
import { GENERATED_MARK, writeCatalog } from './catalog-writer';

const fakeInfos = (fleet: Fleet): SimulatedSystemInfo[] =>
  fleet.systems.map((s, i) => ({
    ...s,
    depends_on: s.dependsOn,
    hostname: `${s.code}.sim.kuzet.test`,
    ports: { http: 41001 + 3 * i, https: 41002 + 3 * i, tcp: 41003 + 3 * i },
  }));

const listRecursive = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listRecursive(path.join(dir, e.name)).map((p) => `${e.name}/${p}`) : [e.name],
  );

describe('writeCatalog', () => {
  const fleet = parseFleet(readFileSync(bundledFleetFile(), 'utf8'));
  const files = buildCatalog({ fleet, systems: fakeInfos(fleet), dnsPort: 41000, intervalS: 5 });

  it('writes YAML that parses back to the same structure, plus the CA', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kuzet-catalog-'));
    await writeCatalog(dir, files, '-----BEGIN CERTIFICATE-----\nX\n-----END CERTIFICATE-----\n');
    const written = listRecursive(dir).sort();
    expect(written).toEqual([
      'agencies.yaml',
      'categories.yaml',
      'simulator-ca.pem',
      ...files
        .slice(2)
        .map((f) => f.path)
        .sort(),
    ]);
    for (const file of files) {
      const text = readFileSync(path.join(dir, file.path), 'utf8');
      expect(text.startsWith(`#${GENERATED_MARK}`)).toBe(true);
      expect(parse(text)).toEqual(file.content);
    }
    const agencies = parse(readFileSync(path.join(dir, 'agencies.yaml'), 'utf8')).agencies as {
      code: string;
      name: { kk: string; ru: string };
    }[];
    expect(agencies.length).toBeGreaterThanOrEqual(10);
    expect(agencies.find((a) => a.code === 'nit')!.name).toMatchObject({
      kk: '«Ұлттық ақпараттық технологиялар» АҚ',
      ru: 'АО «Национальные информационные технологии»',
    });
    const systems = files
      .slice(2)
      .flatMap((f) => parse(readFileSync(path.join(dir, f.path), 'utf8')).systems as unknown[]);
    expect(systems.length).toBeGreaterThanOrEqual(30);
    expect(readFileSync(path.join(dir, 'simulator-ca.pem'), 'utf8')).toContain('BEGIN CERTIFICATE');
  });

  it('leaves no temporary files and replaces stale generated files only', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kuzet-catalog-'));
    await writeCatalog(dir, files, 'pem');
    writeFileSync(path.join(dir, 'systems', 'gone.yaml'), `#${GENERATED_MARK}\nsystems: []\n`);
    writeFileSync(path.join(dir, 'systems', 'hand-written.yaml'), 'systems: []\n');
    await writeCatalog(dir, files.slice(0, 3), 'pem');
    const names = readdirSync(path.join(dir, 'systems'));
    expect(names).toContain('hand-written.yaml');
    expect(names).not.toContain('gone.yaml');
    expect(names).toHaveLength(2);
    expect(listRecursive(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
