import { Fault, FaultSource } from '../faults/fault.types';

export type SimulatorEventAction =
  | 'fault.injected'
  | 'fault.cleared'
  | 'fault.replaced'
  | 'fault.expired'
  | 'fault.phase'
  | 'scenario.started'
  | 'scenario.stopped';

/**
 * One entry of the injection log. Benchmarks and scenario tests measure detection delay from
 * `at_ms`, so it is taken when the fault takes effect (after listeners were closed or opened).
 */
export interface SimulatorEvent {
  seq: number;
  at: string;
  at_ms: number;
  action: SimulatorEventAction;
  system: string | null;
  fault_type: string | null;
  fault: Fault | null;
  source: FaultSource | null;
  /** flapping phase changes: 'down' or 'up' */
  phase?: 'down' | 'up';
  scenario?: string;
}
