import { randomUUID } from 'node:crypto';
import type { ResultBatch, ResultRecord } from '@kuzet/contracts';
import type { Logger } from 'pino';
import type { ResultSink } from '@kuzet/checks';
import type { DiskSpool } from '@kuzet/spool';
import type { ProbeApiClient } from './probe-api-client';
import { ApiRejectedError } from './probe.errors';
import { backoffDelay, ProbeTimers } from './probe-timers';

export interface ResultPusherOptions {
  agentId: string;
  client: ProbeApiClient;
  spool: DiskSpool<ResultBatch>;
  logger: Logger;
  timers?: ProbeTimers;
  backoffInitialMs?: number;
  backoffMaxMs?: number;
}

/**
 * Sends result batches in order, each with a batch_id. While the API is unreachable (or answers
 * 5xx), batches go to the disk spool; once it answers again the spool is replayed in order before
 * anything newer. Retries back off exponentially with jitter. A batch the API refuses outright
 * (4xx) is logged and dropped: resending it would never succeed.
 */
export class ResultPusher implements ResultSink {
  private readonly queue: ResultBatch[] = [];
  private readonly timers: ProbeTimers;
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private readonly stopping = new AbortController();
  private attempt = 0;
  private sent = 0;

  constructor(private readonly options: ResultPusherOptions) {
    this.timers = options.timers ?? new ProbeTimers();
  }

  async submit(results: ResultRecord[]): Promise<void> {
    if (results.length === 0) return;
    this.queue.push({ batch_id: randomUUID(), agent_id: this.options.agentId, results });
    this.wake?.();
  }

  start(): void {
    this.loop ??= this.run();
  }

  stats() {
    return { queued: this.queue.length, spooled: this.options.spool.size().items, sent: this.sent };
  }

  /**
   * Stops the loop; then one attempt to send what is left (when nothing is spooled before it),
   * and whatever cannot be sent goes to the spool for the next start.
   */
  async stop(): Promise<void> {
    this.stopping.abort();
    this.wake?.();
    await this.loop;
    if (this.options.spool.size().items === 0) {
      while (this.queue.length > 0) {
        try {
          await this.send(this.queue[0]);
          this.queue.shift();
        } catch (error) {
          if (error instanceof ApiRejectedError) this.queue.shift();
          else break;
        }
      }
    }
    if (this.queue.length > 0) {
      const rest = this.queue.splice(0);
      await this.options.spool.append(rest);
      this.options.logger.warn({ event: 'probe.spooled_at_stop', batches: rest.length }, 'batches spooled for the next start');
    }
    await this.options.spool.close();
  }

  private async run(): Promise<void> {
    while (!this.stopping.signal.aborted) {
      try {
        if (this.options.spool.size().items > 0) {
          // Keep order: anything newer goes behind what is spooled.
          if (this.queue.length > 0) await this.options.spool.append(this.queue.splice(0));
          await this.options.spool.replay(async (batches) => {
            for (const batch of batches) await this.sendOrDrop(batch);
          });
          this.options.logger.info({ event: 'probe.spool_replayed' }, 'spooled batches delivered');
          this.attempt = 0;
          continue;
        }
        const batch = this.queue[0];
        if (!batch) {
          await new Promise<void>((resolve) => (this.wake = resolve));
          this.wake = undefined;
          continue;
        }
        await this.sendOrDrop(batch);
        this.queue.shift();
        this.attempt = 0;
      } catch (error) {
        if (this.stopping.signal.aborted) break;
        if (this.queue.length > 0) await this.options.spool.append(this.queue.splice(0));
        const delay = backoffDelay(this.attempt++, this.timers.random(), this.options.backoffInitialMs, this.options.backoffMaxMs);
        this.options.logger.warn(
          { event: 'probe.push_failed', err: error instanceof Error ? error.message : String(error), retry_in_ms: delay, spooled: this.options.spool.size().items },
          'API unavailable; results spooled',
        );
        await this.timers.sleep(delay, this.stopping.signal);
      }
    }
  }

  private async sendOrDrop(batch: ResultBatch): Promise<void> {
    try {
      await this.send(batch);
    } catch (error) {
      if (!(error instanceof ApiRejectedError)) throw error;
      this.options.logger.error({ event: 'probe.batch_refused', batch_id: batch.batch_id, status: error.status, err: error.message }, 'batch dropped');
    }
  }

  private async send(batch: ResultBatch): Promise<void> {
    const ack = await this.options.client.pushResults(batch);
    this.sent++;
    if (ack.duplicates > 0) this.options.logger.info({ event: 'probe.batch_duplicate', batch_id: batch.batch_id }, 'batch was already delivered');
    if (ack.rejected && Object.keys(ack.rejected).length > 0) {
      // Not retried: the API refuses these for good (e.g. past its replay horizon, or a check no longer assigned).
      this.options.logger.warn({ event: 'probe.results_rejected', batch_id: batch.batch_id, rejected: ack.rejected }, 'the API rejected some results');
    }
  }
}
