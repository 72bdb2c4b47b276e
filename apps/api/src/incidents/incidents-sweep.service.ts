import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { followerSkips } from '../leadership/leader-only';
import { LeadershipService } from '../leadership/leadership.service';
import { INCIDENTS_OPTIONS, IncidentsOptions } from './incidents.options';
import { IncidentsService } from './incidents.service';

/** Periodically resolves incidents whose recovery cooldown has passed (an unref'd timer). */
@Injectable()
export class IncidentsSweepService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(IncidentsSweepService.name);
  private timer: ReturnType<typeof setInterval> | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly incidents: IncidentsService,
    @Inject(INCIDENTS_OPTIONS) private readonly options: IncidentsOptions,
    @Optional() private readonly leadership?: LeadershipService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.sweepIntervalMs <= 0) return;
    this.timer = setInterval(() => this.tick(), this.options.sweepIntervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private tick(): void {
    if (followerSkips(this.leadership)) return;
    this.running = this.incidents
      .sweep()
      .catch((err: unknown) =>
        this.logger.error(`incident sweep failed: ${err instanceof Error ? err.message : String(err)}`),
      );
  }
}
