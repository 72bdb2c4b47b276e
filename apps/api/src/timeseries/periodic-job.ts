import type { SchedulerRegistry } from '@nestjs/schedule';
import type { DbLogger } from '../database/db-logger';

/**
 * A named @nestjs/schedule interval that never overlaps itself, logs its failures, and can
 * be stopped with its in-flight run awaited (before the database closes). `skip` is asked at
 * every tick (leader-only jobs skip on followers).
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
    private readonly skip: () => boolean = () => false,
  ) {}

  start(): void {
    if (this.registered) return;
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
    if (this.skip()) return Promise.resolve();
    this.running = this.work()
      .catch((err: unknown) =>
        this.log.error(`${this.name} failed: ${err instanceof Error ? err.message : String(err)}`),
      )
      .finally(() => (this.running = undefined));
    return this.running;
  }
}
