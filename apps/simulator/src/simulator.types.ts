import type { Logger } from 'pino';
import { SimulatorEvent } from './events/simulator-event.types';
import { FaultType } from './faults/fault.types';
import { ActiveFaultView, SimulatedSystemInfo } from './system/simulated-system.types';

/** A fault as callers write it: `type` plus that type's fields; defaults are filled in on validation. */
export type FaultInput = { type: FaultType } & Record<string, unknown>;

export interface SimulatorOptions {
  /** The fleet facts; default: shared/data/kz-fleet.yaml found above this package, else the bundled copy. */
  fleetFile?: string;
  /** Control API port on 127.0.0.1; 0 (the default) picks a free one. */
  controlPort?: number;
  /** Fixed ports: DNS on basePort, then http/https/tcp of each system in fleet order. Default: ephemeral. */
  basePort?: number;
  /** Write the demo catalog (YAML + simulator-ca.pem) into this folder. */
  catalogDir?: string;
  /** Check interval written into the catalog, seconds (default 30). */
  intervalS?: number;
  /** Start the scripted day in the life at once (it can also be started over the control API). */
  dayInTheLife?: boolean;
  /** Time compression of the day in the life: 1 = real time (default), 60 = a minute per second. */
  dayInTheLifeSpeed?: number;
  /** Seeds every random choice (latency, partial errors, the day in the life). Default 'kuzet'. */
  seed?: string | number;
  logger?: Logger;
  /** Start only these systems (codes from the fleet); default all. */
  systems?: string[];
}

export interface SimulatorHandle {
  controlUrl: string;
  dnsPort: number;
  systems: SimulatedSystemInfo[];
  /** PEM of the test CA that signed every system's certificate. */
  caPem: string;
  catalogDir: string | null;
  fleetFile: string;
  injectFault(code: string, fault: FaultInput): Promise<ActiveFaultView>;
  /** Clears one system's faults, or every system's when no code is given; returns how many. */
  clearFaults(code?: string): Promise<number>;
  clearFault(code: string, type: FaultType): Promise<boolean>;
  activeFaults(code: string): ActiveFaultView[];
  /** The injection log, oldest first; `sinceSeq` returns only newer entries. */
  events(sinceSeq?: number): SimulatorEvent[];
  startDayInTheLife(): void;
  stopDayInTheLife(): Promise<void>;
  /** Closes every listener, connection and timer. Safe to call twice. */
  stop(): Promise<void>;
}
