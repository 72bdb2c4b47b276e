import type { ResultRecord } from '@kuzet/contracts';
import type { SchedulerClock, TimerHandle } from '../scheduler/scheduler.types';
import type { AgentLogger } from './agent-logger';
import type { ResultSink } from './result-sink';

export interface ResultBatcherOptions {
  sink: ResultSink;
  clock: SchedulerClock;
  logger: AgentLogger;
  /** Flush at least this often while results wait (default 1000 ms). */
  flushIntervalMs?: number;
  /** Flush as soon as this many results wait (default 1000). */
  maxBatch?: number;
  /** An urgent result (a failure, a recheck) waits at most this long (default 50 ms). */
  urgentFlushMs?: number;
}

/**
 * Collects results and hands them to the sink in batches, one submission at a time and in order.
 * A sink that rejects loses that batch here (sinks own durability: the remote one spools, the
 * embedded one writes through ingest, which spools), so the failure is logged, not retried.
 */
export class ResultBatcher {
  private buffer: ResultRecord[] = [];
  private timer: TimerHandle | undefined;
  private timerAt = Infinity;
  private chain: Promise<void> = Promise.resolve();
  private readonly flushIntervalMs: number;
  private readonly maxBatch: number;
  private readonly urgentFlushMs: number;

  constructor(private readonly options: ResultBatcherOptions) {
    this.flushIntervalMs = options.flushIntervalMs ?? 1000;
    this.maxBatch = options.maxBatch ?? 1000;
    this.urgentFlushMs = options.urgentFlushMs ?? 50;
  }

  /**
   * Queues a result. An urgent one (what detection waits for: a failure, a recheck) is sent
   * within urgentFlushMs instead of the regular flush interval.
   */
  add(record: ResultRecord, urgent = false): void {
    this.buffer.push(record);
    if (this.buffer.length >= this.maxBatch) {
      void this.flush();
      return;
    }
    const delay = urgent ? this.urgentFlushMs : this.flushIntervalMs;
    const at = this.options.clock.now() + delay;
    if (this.timer !== undefined && this.timerAt <= at) return;
    if (this.timer !== undefined) this.options.clock.clearTimer(this.timer);
    this.timerAt = at;
    this.timer = this.options.clock.setTimer(() => {
      this.timer = undefined;
      this.timerAt = Infinity;
      void this.flush();
    }, delay);
  }

  pending(): number {
    return this.buffer.length;
  }

  /** Submits what waits; resolves when every earlier submission has settled too. */
  flush(): Promise<void> {
    if (this.timer !== undefined) {
      this.options.clock.clearTimer(this.timer);
      this.timer = undefined;
      this.timerAt = Infinity;
    }
    while (this.buffer.length > 0) {
      const batch = this.buffer.splice(0, this.maxBatch);
      this.chain = this.chain.then(() => this.submit(batch));
    }
    return this.chain;
  }

  private async submit(batch: ResultRecord[]): Promise<void> {
    try {
      await this.options.sink.submit(batch);
    } catch (error) {
      this.options.logger.error(
        { event: 'agent.batch_lost', results: batch.length, err: error instanceof Error ? error.message : String(error) },
        'result sink rejected a batch',
      );
    }
  }
}
