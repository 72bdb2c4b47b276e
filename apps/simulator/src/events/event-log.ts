import { SimulatorEvent } from './simulator-event.types';

export type NewSimulatorEvent = Omit<
  SimulatorEvent,
  'seq' | 'at' | 'at_ms' | 'system' | 'fault_type' | 'fault' | 'source'
> &
  Partial<Pick<SimulatorEvent, 'system' | 'fault_type' | 'fault' | 'source'>>;

/**
 * The injection log. Bounded (oldest entries go first) because demo mode runs for days;
 * `seq` keeps growing so a reader can ask for what it has not seen yet.
 */
export class EventLog {
  private readonly entries: SimulatorEvent[] = [];
  private nextSeq = 1;

  constructor(
    private readonly clock: () => number = Date.now,
    private readonly capacity = 10_000,
  ) {}

  append(event: NewSimulatorEvent): SimulatorEvent {
    const atMs = this.clock();
    const entry: SimulatorEvent = {
      seq: this.nextSeq++,
      at: new Date(atMs).toISOString(),
      at_ms: atMs,
      system: null,
      fault_type: null,
      fault: null,
      source: null,
      ...event,
    };
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
    return entry;
  }

  /** Entries with seq greater than `sinceSeq`, oldest first, as copies. */
  list(sinceSeq = 0, system?: string): SimulatorEvent[] {
    return this.entries
      .filter((e) => e.seq > sinceSeq && (system === undefined || e.system === system))
      .map((e) => ({ ...e }));
  }
}
