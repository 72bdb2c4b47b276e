import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { bundledFleetFile, locateFleetFile } from './fleet-locator';

describe('locateFleetFile', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'kuzet-fleet-'));

  it('prefers an explicit file and fails loudly when it is missing', () => {
    const file = path.join(scratch, 'mine.yaml');
    writeFileSync(file, 'x: 1');
    expect(locateFleetFile(file)).toEqual({ file, origin: 'option' });
    expect(() => locateFleetFile(path.join(scratch, 'nope.yaml'))).toThrow(/fleet file not found/);
  });

  it('walks up to a folder holding shared/data/kz-fleet.yaml', () => {
    const shared = path.join(scratch, 'work', 'shared', 'data');
    mkdirSync(shared, { recursive: true });
    writeFileSync(path.join(shared, 'kz-fleet.yaml'), 'x: 1');
    const deep = path.join(scratch, 'work', 'main', 'dist', 'apps', 'simulator', 'src', 'fleet');
    mkdirSync(deep, { recursive: true });
    expect(locateFleetFile(undefined, deep)).toEqual({
      file: path.join(shared, 'kz-fleet.yaml'),
      origin: 'shared',
    });
  });

  it('falls back to the copy bundled in apps/simulator', () => {
    const lonely = mkdtempSync(path.join(tmpdir(), 'kuzet-no-shared-'));
    const found = locateFleetFile(undefined, lonely);
    expect(found.origin).toBe('bundled');
    expect(found.file).toBe(bundledFleetFile());
    expect(found.file.endsWith(path.join('apps', 'simulator', 'fleet', 'kz-fleet.yaml'))).toBe(true);
    expect(existsSync(found.file)).toBe(true);
  });

  it('ships a bundled copy identical to the shared facts (when those exist here)', () => {
    const shared = locateFleetFile(undefined, __dirname);
    if (shared.origin !== 'shared') return; // production-like checkout without ../shared: nothing to compare
    expect(readFileSync(bundledFleetFile(), 'utf8')).toBe(readFileSync(shared.file, 'utf8'));
  });
});
