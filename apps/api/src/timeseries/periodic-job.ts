import type { SchedulerRegistry } from '@nestjs/schedule';
import type { DbLogger } from '../database/db-logger';
import type { JobRunsService } from './job-runs.service';

/**
 * A named @nestjs/schedule interval that never overlaps itself, logs its failures, and can
 * be stopped with its in-flight run awaited (before the database closes). Each run is recorded
 * in `runs` (when given), so the health report sees a job that fails or stopped running. `skip`
 * is asked at every tick (leader-only jobs skip on followers, and say so to `runs`).
 */
export class PeriodicJob {
  private running: Promise<void> | undefined;
  private registered = false;

  constructor(
    private readonly scheduler: SchedulerRegistry,
    private readonly name: string,
    private readonly everyMs: number,
    private readonly work: () => Promise<void>,
    private readonly log: DbLogger,
    private readonly runs?: JobRunsService,
    private readonly skip: () => boolean = () => false,
  ) {}

  start(): void {
    if (this.registered) return;
    this.runs?.scheduled(this.name, this.everyMs);
    this.scheduler.addInterval(
      this.name,
      setInterval(() => void this.tick(), this.everyMs),
    );
    this.registered = true;
  }

  async stop(): Promise<void> {
    if (this.registered) {
      this.scheduler.deleteInterval(this.name);
      this.registered = false;
    }
    await this.running;
  }

  private tick(): Promise<void> {
    if (this.running) return this.running;
    if (this.skip()) {
      this.runs?.runsElsewhere(this.name);
      return Promise.resolve();
    }
    this.runs?.started(this.name);
    this.running = this.work()
      .then(() => this.runs?.succeeded(this.name))
      .catch((err: unknown) => {
        const message = err instanceof Error ? err.message : String(err);
        this.runs?.failed(this.name, message);
        this.log.error(`${this.name} failed: ${message}`);
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }
}
