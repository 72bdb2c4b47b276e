import type { Logger } from 'pino';
import { EventLog } from '../events/event-log';
import { FaultType } from '../faults/fault.types';
import { Fleet } from '../fleet/fleet.types';
import { TimerSet } from '../util/timer-set';
import { planDayInTheLife, ScenarioStep } from './day-in-the-life-plan';

export const DAY_IN_THE_LIFE = 'day-in-the-life';

/** What the runner needs from the simulator; kept narrow so the runner is easy to test. */
export interface ScenarioTarget {
  inject(code: string, fault: ScenarioStep['fault']): Promise<void>;
  clear(code: string, type: FaultType): Promise<void>;
  /** The source of whatever occupies the fault's group on that system, if anything. */
  occupant(code: string, type: FaultType): 'api' | 'scenario' | 'program' | undefined;
}

export interface DayInTheLifeOptions {
  fleet: Fleet;
  seed: string | number;
  /** Time compression: 1 is real time, 60 plays a minute per second (tests, demos). */
  speed: number;
  target: ScenarioTarget;
  events: EventLog;
  logger: Logger;
}

/**
 * Plays the day-in-the-life plan in a loop, cycle after cycle, so that in demo mode something
 * is always happening. Each event carries its own duration_s, so the system clears it even if
 * the runner is gone; stop() also clears what the scenario left active.
 */
export class DayInTheLifeRunner {
  private readonly timers = new TimerSet();
  private readonly touched = new Map<string, { code: string; type: FaultType }>();
  private active = false;
  private cycle = 0;

  constructor(private readonly options: DayInTheLifeOptions) {
    if (!(options.speed > 0)) throw new Error('day-in-the-life speed must be positive');
  }

  get running(): boolean {
    return this.active;
  }

  start(): void {
    if (this.active) return;
    this.active = true;
    this.options.events.append({ action: 'scenario.started', scenario: DAY_IN_THE_LIFE });
    this.options.logger.info(
      { event: 'scenario.started', scenario: DAY_IN_THE_LIFE, speed: this.options.speed },
      'scenario started',
    );
    this.scheduleCycle();
  }

  async stop(): Promise<void> {
    if (!this.active) return;
    this.active = false;
    this.timers.clearAll();
    for (const { code, type } of this.touched.values()) {
      if (this.options.target.occupant(code, type) === 'scenario')
        await this.options.target.clear(code, type).catch(() => undefined);
    }
    this.touched.clear();
    this.options.events.append({ action: 'scenario.stopped', scenario: DAY_IN_THE_LIFE });
    this.options.logger.info({ event: 'scenario.stopped', scenario: DAY_IN_THE_LIFE }, 'scenario stopped');
  }

  private scheduleCycle(): void {
    const plan = planDayInTheLife(this.options.fleet, this.options.seed, this.cycle++);
    const scale = (ms: number) => ms / this.options.speed;
    for (const step of plan.steps) this.timers.after(scale(step.atMs), () => void this.play(step));
    this.timers.after(scale(plan.lengthMs), () => {
      if (this.active) this.scheduleCycle();
    });
  }

  private async play(step: ScenarioStep): Promise<void> {
    if (!this.active) return;
    const { target, speed, logger } = this.options;
    const type = step.fault.type;
    const occupant = target.occupant(step.system, type);
    if (occupant && occupant !== 'scenario') {
      logger.info(
        {
          event: 'scenario.step_skipped',
          step: step.label,
          system: step.system,
          reason: `manual ${occupant} fault`,
        },
        'scenario step skipped',
      );
      return;
    }
    const fault: ScenarioStep['fault'] = {
      ...step.fault,
      duration_s: Math.max(0.05, Math.round(step.durationMs / speed) / 1000),
    };
    // Compressed time compresses the flapping rhythm too, but never below the 1 s minimum.
    if (typeof fault.period_s === 'number') fault.period_s = Math.max(1, Math.round(fault.period_s / speed));
    try {
      await target.inject(step.system, fault);
      // stop() may have run while the fault was being applied: undo it rather than leave it behind.
      if (!this.active) await target.clear(step.system, type);
      else this.touched.set(`${step.system}/${type}`, { code: step.system, type });
    } catch (err) {
      logger.warn(
        { event: 'scenario.step_failed', step: step.label, system: step.system, err },
        'scenario step failed',
      );
    }
  }
}
