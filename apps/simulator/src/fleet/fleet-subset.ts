import { FleetError } from './fleet-error';
import { Fleet } from './fleet.types';

/**
 * Keeps only the named systems (tests start a handful for speed). Dependencies on systems left
 * out are dropped, because the catalog rejects a dependency on an unknown system.
 */
export function selectSystems(fleet: Fleet, codes: readonly string[] | undefined): Fleet {
  if (!codes) return fleet;
  const known = new Set(fleet.systems.map((s) => s.code));
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length > 0)
    throw new FleetError('systems option', 'systems', `unknown system(s) ${unknown.join(', ')}`);
  const wanted = new Set(codes);
  const systems = fleet.systems
    .filter((s) => wanted.has(s.code))
    .map((s) => ({ ...s, dependsOn: s.dependsOn.filter((d) => wanted.has(d)) }));
  return { ...fleet, systems };
}
