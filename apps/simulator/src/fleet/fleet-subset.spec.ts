import { readFileSync } from 'node:fs';
import { bundledFleetFile } from './fleet-locator';
import { parseFleet } from './fleet-parser';
import { selectSystems } from './fleet-subset';

describe('selectSystems', () => {
  const fleet = parseFleet(readFileSync(bundledFleetFile(), 'utf8'));

  it('returns the whole fleet without a list', () => {
    expect(selectSystems(fleet, undefined)).toBe(fleet);
  });

  it('keeps the named systems in fleet order and drops dependencies on the others', () => {
    const subset = selectSystems(fleet, ['egov-portal', 'egov-gateway']);
    expect(subset.systems.map((s) => s.code)).toEqual(['egov-gateway', 'egov-portal']);
    expect(subset.systems.find((s) => s.code === 'egov-portal')!.dependsOn).toEqual(['egov-gateway']);
    expect(subset.agencies).toEqual(fleet.agencies);
  });

  it('rejects unknown codes', () => {
    expect(() => selectSystems(fleet, ['esf', 'no-such'])).toThrow(/unknown system\(s\) no-such/);
  });
});
