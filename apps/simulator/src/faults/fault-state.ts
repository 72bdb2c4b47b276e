import {
  ActiveFault,
  DownMode,
  Fault,
  FAULT_GROUPS,
  FaultSource,
  FaultType,
  FlappingFault,
} from './fault.types';

export type Availability = { state: 'up' } | { state: 'down'; mode: DownMode; status: number };

const UP: Availability = { state: 'up' };

/**
 * The faults active on one system and what they add up to. Pure bookkeeping with time passed
 * in: timers and sockets live in SimulatedSystem, so this is unit-testable without a clock.
 */
export class FaultState {
  private readonly active = new Map<FaultType, ActiveFault>();

  /** Adds a fault, replacing any fault of the same group; returns the replaced ones. */
  add(fault: Fault, source: FaultSource, nowMs: number): { added: ActiveFault; replaced: ActiveFault[] } {
    const group = FAULT_GROUPS[fault.type];
    const replaced: ActiveFault[] = [];
    for (const [type, existing] of this.active) {
      if (FAULT_GROUPS[type] === group) {
        replaced.push(existing);
        this.active.delete(type);
      }
    }
    const added: ActiveFault = {
      fault,
      source,
      sinceMs: nowMs,
      expiresAtMs: fault.duration_s === undefined ? null : nowMs + fault.duration_s * 1000,
    };
    this.active.set(fault.type, added);
    return { added, replaced };
  }

  remove(type: FaultType): ActiveFault | undefined {
    const existing = this.active.get(type);
    this.active.delete(type);
    return existing;
  }

  clear(): ActiveFault[] {
    const all = this.list();
    this.active.clear();
    return all;
  }

  list(): ActiveFault[] {
    return [...this.active.values()];
  }

  get<T extends FaultType>(type: T): Extract<Fault, { type: T }> | undefined {
    return this.active.get(type)?.fault as Extract<Fault, { type: T }> | undefined;
  }

  /** The group a type belongs to is occupied (the scenario uses this to leave manual faults alone). */
  hasGroup(type: FaultType): ActiveFault | undefined {
    return this.list().find((a) => FAULT_GROUPS[a.fault.type] === FAULT_GROUPS[type]);
  }

  /** Down beats flapping; flapping is down during the first half of each period. */
  availability(nowMs: number): Availability {
    const down = this.get('down');
    if (down) return { state: 'down', mode: down.mode, status: down.status };
    const flapping = this.active.get('flapping');
    if (flapping && flappingIsDown(flapping.fault as FlappingFault, flapping.sinceMs, nowMs)) {
      const f = flapping.fault as FlappingFault;
      return { state: 'down', mode: f.mode, status: f.status };
    }
    return UP;
  }

  /** When flapping next changes phase, so the system can re-apply its listeners then. */
  nextFlapChangeMs(nowMs: number): number | null {
    const flapping = this.active.get('flapping');
    if (!flapping || this.get('down')) return null;
    const half = ((flapping.fault as FlappingFault).period_s * 1000) / 2;
    const phase = Math.floor((nowMs - flapping.sinceMs) / half);
    return flapping.sinceMs + (phase + 1) * half;
  }
}

/** Starts down so an injected flap is visible at once. */
export function flappingIsDown(fault: FlappingFault, sinceMs: number, nowMs: number): boolean {
  const half = (fault.period_s * 1000) / 2;
  return Math.floor(Math.max(0, nowMs - sinceMs) / half) % 2 === 0;
}
