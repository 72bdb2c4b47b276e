import { readFileSync } from 'node:fs';
import { validateFault } from '../faults/fault-validator';
import { bundledFleetFile } from '../fleet/fleet-locator';
import { parseFleet } from '../fleet/fleet-parser';
import { selectSystems } from '../fleet/fleet-subset';
import { planDayInTheLife } from './day-in-the-life-plan';

describe('planDayInTheLife', () => {
  const fleet = parseFleet(readFileSync(bundledFleetFile(), 'utf8'));

  it('is deterministic by seed and cycle', () => {
    expect(planDayInTheLife(fleet, 'a', 0)).toEqual(planDayInTheLife(fleet, 'a', 0));
    expect(planDayInTheLife(fleet, 'a', 0)).not.toEqual(planDayInTheLife(fleet, 'b', 0));
    expect(planDayInTheLife(fleet, 'a', 0)).not.toEqual(planDayInTheLife(fleet, 'a', 1));
  });

  it('plays the realistic events on the expected systems, every few minutes, with valid faults', () => {
    const plan = planDayInTheLife(fleet, 'kuzet', 0);
    const byLabel = new Map(plan.steps.map((s) => [s.label, s]));
    expect(byLabel.get('gateway-peak-slowness')!.system).toBe('egov-gateway');
    expect(byLabel.get('esf-outage')).toMatchObject({
      system: 'esf',
      fault: { type: 'down', mode: 'refused' },
    });
    expect(byLabel.get('damumed-partial-errors')!.system).toBe('damumed');
    const persona = (code: string) => fleet.systems.find((s) => s.code === code)!.persona;
    expect(persona(byLabel.get('neglected-flapping')!.system)).toBe('neglected');
    expect(persona(byLabel.get('abandoned-cert-expiring')!.system)).toBe('abandoned');
    for (const step of plan.steps) expect(() => validateFault(step.fault)).not.toThrow();
    const gaps = plan.steps.slice(1).map((s, i) => s.atMs - plan.steps[i].atMs);
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(2 * 60_000);
      expect(gap).toBeLessThanOrEqual(5 * 60_000);
    }
    // bounded: one event per template, every event ends within the cycle
    expect(plan.steps.length).toBeLessThanOrEqual(8);
    for (const step of plan.steps) expect(step.atMs + step.durationMs).toBeLessThanOrEqual(plan.lengthMs);
  });

  it('skips events whose systems are not running', () => {
    const plan = planDayInTheLife(selectSystems(fleet, ['esf', 'egov-gateway']), 'kuzet', 0);
    // egov-gateway is a dated persona, so it may also serve the maintenance page; nothing else fits.
    expect(plan.steps.map((s) => s.label).sort()).toEqual([
      'esf-outage',
      'gateway-peak-slowness',
      'maintenance-page-served',
    ]);
  });
});
