import type { Assignment } from '@kuzet/contracts';
import type { Logger } from 'pino';
import type { ProbeApiClient } from './probe-api-client';
import { ApiRejectedError } from './probe.errors';
import { backoffDelay, ProbeTimers } from './probe-timers';

export interface AssignmentPollerOptions {
  agentId: string;
  client: ProbeApiClient;
  logger: Logger;
  onAssignment: (assignment: Assignment) => void;
  timers?: ProbeTimers;
  backoffInitialMs?: number;
  backoffMaxMs?: number;
}

/** Long-polls the API for this agent's assignment, for as long as it runs; retries with backoff. */
export class AssignmentPoller {
  private readonly stopping = new AbortController();
  private loop: Promise<void> | undefined;
  private revision: string | undefined;
  private readonly timers: ProbeTimers;

  constructor(private readonly options: AssignmentPollerOptions) {
    this.timers = options.timers ?? new ProbeTimers();
  }

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.loop;
  }

  private async run(): Promise<void> {
    let attempt = 0;
    while (!this.stopping.signal.aborted) {
      try {
        const { assignment, refused } = await this.options.client.pollAssignment(this.options.agentId, this.revision, this.stopping.signal);
        attempt = 0;
        if (assignment.revision !== this.revision) {
          this.revision = assignment.revision;
          for (const r of refused) {
            this.options.logger.warn({ event: 'probe.check_refused', check_id: r.id, index: r.index, reason: r.problem }, 'malformed check refused, the others run');
          }
          this.options.onAssignment(assignment);
        }
      } catch (error) {
        if (this.stopping.signal.aborted) break;
        const delay = backoffDelay(attempt++, this.timers.random(), this.options.backoffInitialMs, this.options.backoffMaxMs);
        const fatal = error instanceof ApiRejectedError && error.status === 401;
        this.options.logger[fatal ? 'error' : 'warn'](
          { event: 'probe.poll_failed', err: error instanceof Error ? error.message : String(error), retry_in_ms: delay },
          fatal ? 'the API refused the probe token' : 'assignment poll failed',
        );
        await this.timers.sleep(delay, this.stopping.signal);
      }
    }
  }
}
