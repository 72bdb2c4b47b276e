import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseFleet } from './fleet-parser';
import { Fleet } from './fleet.types';

const SHARED_RELATIVE = path.join('shared', 'data', 'kz-fleet.yaml');
const BUNDLED_RELATIVE = path.join('apps', 'simulator', 'fleet', 'kz-fleet.yaml');

/**
 * The copy shipped inside apps/simulator, found from wherever this file runs: src/fleet/ in
 * tests, dist/apps/simulator/src/fleet/ after the root build (which copies no data files), so
 * walk up to the folder holding apps/simulator/.
 */
export function bundledFleetFile(): string {
  return findUp(__dirname, BUNDLED_RELATIVE) ?? path.resolve(__dirname, '..', '..', 'fleet', 'kz-fleet.yaml');
}

function findUp(startDir: string, relative: string): string | null {
  for (let dir = path.resolve(startDir); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, relative);
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return null;
  }
}

export interface FleetLocation {
  file: string;
  origin: 'option' | 'shared' | 'bundled';
}

/**
 * Chooses the fleet file: an explicit path wins (and must exist); otherwise the shared facts
 * found by walking up from `startDir` (a folder holding shared/data/kz-fleet.yaml, which also
 * covers the monorepo's ../shared); otherwise the bundled copy, because a production start
 * must not depend on ../shared existing.
 */
export function locateFleetFile(explicit: string | undefined, startDir = __dirname): FleetLocation {
  if (explicit) {
    const file = path.resolve(explicit);
    if (!existsSync(file)) throw new Error(`fleet file not found: ${file}`);
    return { file, origin: 'option' };
  }
  const shared = findUp(startDir, SHARED_RELATIVE);
  if (shared) return { file: shared, origin: 'shared' };
  return { file: bundledFleetFile(), origin: 'bundled' };
}

export function loadFleet(location: FleetLocation): Fleet {
  return parseFleet(readFileSync(location.file, 'utf8'), location.file);
}
