import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { Subscription } from 'rxjs';
import { phaseOf, slotAtOrBefore } from '@kuzet/checks';
import { CatalogEvents } from '../../catalog/catalog-events.service';
import { IngestService } from '../../ingest/ingest.service';
import { followerSkips } from '../../leadership/leader-only';
import { LeadershipService } from '../../leadership/leadership.service';
import type { CheckResultRow } from '../../timeseries/check-result';
import { ProbingClock } from '../probing-clock';
import { PROBING_OPTIONS, ProbingOptions } from '../probing.options';
import { heartbeatVerdict } from './heartbeat-slot';
import { HeartbeatCheck, HeartbeatRepository } from './heartbeat.repository';

/**
 * Judges heartbeat checks on their slot grid (the same stable phase as polled checks): at each slot,
 * up when a beat came within interval + grace, else down ('timeout'); one row per region of the
 * check, through ingest. A check that never beat gets interval + grace from when it was first seen
 * before its first down.
 */
@Injectable()
export class HeartbeatMonitorService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('HeartbeatMonitor');
  private checks: HeartbeatCheck[] = [];
  private readonly lastSlot = new Map<number, number>();
  private readonly firstSeen = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;
  private subscription: Subscription | undefined;
  private ticking: Promise<void> | undefined;

  constructor(
    @Inject(PROBING_OPTIONS) private readonly options: ProbingOptions,
    private readonly repository: HeartbeatRepository,
    private readonly ingest: IngestService,
    private readonly catalogEvents: CatalogEvents,
    private readonly clock: ProbingClock,
    @Optional() private readonly leadership?: LeadershipService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.reload();
    this.subscription = this.catalogEvents.changes$.subscribe(() => void this.reload());
    // Judged by the leader only: one verdict per slot, not one per node.
    this.timer = this.clock.setInterval(() => {
      if (!followerSkips(this.leadership)) void this.tick();
    }, this.options.heartbeatTickS * 1000);
  }

  async onModuleDestroy(): Promise<void> {
    this.subscription?.unsubscribe();
    if (this.timer) this.clock.clearInterval(this.timer);
    await this.ticking;
  }

  async reload(): Promise<void> {
    try {
      this.checks = await this.repository.listChecks();
      const now = this.clock.now();
      for (const c of this.checks) if (!this.firstSeen.has(c.id)) this.firstSeen.set(c.id, now);
    } catch (error) {
      this.logger.error({ event: 'heartbeat.reload_failed', err: String(error) });
    }
  }

  /** One evaluation pass (the timer calls it every tick; tests may call it directly). */
  tick(): Promise<void> {
    this.ticking ??= this.evaluate().finally(() => (this.ticking = undefined));
    return this.ticking;
  }

  private async evaluate(): Promise<void> {
    const now = this.clock.now();
    const due: Array<{ check: HeartbeatCheck; slot: number }> = [];
    for (const check of this.checks) {
      const slot = slotAtOrBefore(now, check.intervalMs, phaseOf(check.key, check.intervalMs));
      if (this.lastSlot.get(check.id) === slot) continue;
      due.push({ check, slot });
    }
    if (due.length === 0) return;
    try {
      const beats = await this.repository.lastBeats();
      const rows: CheckResultRow[] = [];
      for (const { check, slot } of due) {
        const lastBeat = beats.get(check.id);
        const firstSeen = this.firstSeen.get(check.id) ?? now;
        this.lastSlot.set(check.id, slot);
        if (lastBeat === undefined && slot < firstSeen + check.intervalMs + check.graceMs) continue;
        const verdict = heartbeatVerdict({ slot, intervalMs: check.intervalMs, graceMs: check.graceMs, lastBeat });
        for (const region of check.regions.length ? check.regions : [this.options.embeddedRegion]) {
          rows.push({
            time: new Date(slot),
            checkId: check.id,
            region,
            outcome: verdict.outcome,
            latencyMs: null,
            statusCode: null,
            errorClass: verdict.errorClass,
          });
        }
      }
      if (rows.length > 0) await this.ingest.write(rows);
    } catch (error) {
      this.logger.error({ event: 'heartbeat.evaluate_failed', err: String(error) });
    }
  }
}
