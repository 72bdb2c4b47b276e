import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit, Optional } from '@nestjs/common';
import { CheckOutcome, PublicStatus } from '@kuzet/contracts';
import {
  checkStatusFromVerdict,
  DEFAULT_LATENCY_BASELINE_CONFIG,
  DEFAULT_SOFT_HARD_CONFIG,
  evaluateQuorum,
  initialFlappingState,
  initialLatencyBaselineState,
  initialSoftHardState,
  rollupSystemStatus,
  stepFlapping,
  stepLatencyBaseline,
  stepSoftHard,
} from '@kuzet/detection';
import type { Subscription } from 'rxjs';
import { CatalogEvents } from '../catalog/catalog-events.service';
import { ResultsStream } from '../ingest/results-stream';
import type { IncidentChange } from '../incidents/incident-events.service';
import type { IncidentsTx } from '../incidents/incident-store';
import { IncidentsUnitOfWork } from '../incidents/incidents-unit-of-work';
import { IncidentsService } from '../incidents/incidents.service';
import type { CheckResultRow } from '../timeseries/check-result';
import type { CheckInfo, DetectionCatalog } from './detection-catalog';
import { DetectionPersistError } from './detection.errors';
import { DETECTION_OPTIONS, DetectionOptions } from './detection.options';
import { SystemStatusEvents } from './system-status-events.service';
import { DetectionRepository } from './detection.repository';
import { CheckState, checkKey, RegionState, regionKey, SystemState, systemKey } from './detector-state';
import { maintenanceActiveAt } from './maintenance-schedule';

const CATALOG_RELOAD_MIN_MS = 5_000;

/** One batch's working copy of the state: read-through to the committed state, written on commit. */
class StateOverlay {
  readonly changed = new Map<string, unknown>();
  constructor(private readonly base: Map<string, unknown>) {}
  get<T>(key: string): T | undefined {
    return (this.changed.has(key) ? this.changed.get(key) : this.base.get(key)) as T | undefined;
  }
  set(key: string, value: unknown): void {
    this.changed.set(key, value);
  }
}

/**
 * The detector: results (once durable) -> per (check, region) soft/hard state (with latency
 * degradation) -> quorum across the check's regions -> check status (+ flapping) -> system
 * status (maintenance aware) -> incidents. Batches are processed one at a time, rows in time
 * order; a row not newer than its region's last accepted result is ignored (stepSoftHard), so
 * redelivered or late rows change nothing. The state a batch changes is saved in the same
 * transaction as the incident changes it causes: after a crash the detector resumes from the
 * last committed batch, and replayed rows are ignored.
 * Times are the results' own times (deterministic on replay); quorum staleness too.
 */
@Injectable()
export class DetectorService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(DetectorService.name);
  private state = new Map<string, unknown>();
  private catalog: DetectionCatalog | undefined;
  private catalogLoadedAt = 0;
  private chain: Promise<void> = Promise.resolve();
  private subscriptions: Subscription[] = [];
  private readonly regionsByCheck = new Map<number, Set<string>>();

  constructor(
    private readonly repo: DetectionRepository,
    private readonly uow: IncidentsUnitOfWork,
    private readonly incidents: IncidentsService,
    @Inject(DETECTION_OPTIONS) private readonly options: DetectionOptions,
    @Optional() private readonly results?: ResultsStream,
    @Optional() private readonly catalogEvents?: CatalogEvents,
    @Optional() private readonly statusEvents?: SystemStatusEvents,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.stop();
  }

  /** Loads the catalog and the persisted state, then follows the results stream. */
  async start(): Promise<void> {
    await this.reloadCatalog();
    this.state = await this.repo.loadState();
    for (const key of this.state.keys()) {
      const m = /^region:(\d+):(.+)$/.exec(key);
      if (m) this.indexRegion(Number(m[1]), m[2]);
    }
    this.logger.log(
      `detector started: ${this.state.size} state entries, ${this.catalog?.checks.size ?? 0} checks`,
    );
    if (this.results)
      this.subscriptions.push(this.results.results$.subscribe((rows) => void this.enqueue(rows)));
    if (this.catalogEvents)
      this.subscriptions.push(
        this.catalogEvents.changes$.subscribe(() => {
          this.chain = this.chain
            .then(() => this.reloadCatalog())
            .catch((err: unknown) => this.logFailure('catalog reload', err));
        }),
      );
  }

  /** Stops following the stream and waits for the batch in progress. */
  async stop(): Promise<void> {
    for (const s of this.subscriptions) s.unsubscribe();
    this.subscriptions = [];
    await this.chain;
  }

  /** Queues a batch after the ones before it; resolves once it is processed (or failed and logged). */
  enqueue(rows: readonly CheckResultRow[]): Promise<void> {
    const next = this.chain
      .then(() => this.process(rows))
      .catch((err: unknown) => this.logFailure('batch', err));
    this.chain = next;
    return next;
  }

  /** Waits for every queued batch. */
  idle(): Promise<void> {
    return this.chain;
  }

  /** A snapshot of the in-memory state of one key (tests, diagnostics). */
  peek<T>(key: string): T | undefined {
    return this.state.get(key) as T | undefined;
  }

  async reloadCatalog(): Promise<void> {
    this.catalog = await this.repo.loadCatalog();
    this.catalogLoadedAt = Date.now();
  }

  private async process(rows: readonly CheckResultRow[]): Promise<void> {
    if (rows.length === 0) return;
    if (
      !this.catalog ||
      (rows.some((r) => !this.catalog!.checks.has(r.checkId)) &&
        Date.now() - this.catalogLoadedAt > CATALOG_RELOAD_MIN_MS)
    )
      await this.reloadCatalog();
    const catalog = this.catalog!;
    const sorted = [...rows].sort((a, b) => a.time.getTime() - b.time.getTime());
    const overlay = new StateOverlay(this.state);
    let changes: IncidentChange[];
    try {
      changes = await this.uow.run(async (tx) => {
        const out: IncidentChange[] = [];
        for (const row of sorted) out.push(...(await this.processRow(tx, catalog, overlay, row)));
        await tx.detectorState.save([...overlay.changed].map(([key, state]) => ({ key, state })));
        return out;
      });
    } catch (err) {
      throw new DetectionPersistError(`batch of ${rows.length} results not applied: ${errorText(err)}`, {
        cause: err,
      });
    }
    for (const [key, value] of overlay.changed) this.state.set(key, value);
    this.incidents.publish(changes);
    if (this.statusEvents) this.publishStatusChanges(catalog, overlay);
  }

  private async processRow(
    tx: IncidentsTx,
    catalog: DetectionCatalog,
    overlay: StateOverlay,
    row: CheckResultRow,
  ): Promise<IncidentChange[]> {
    const check = catalog.checks.get(row.checkId);
    if (!check) return [];
    const at = row.time.getTime();
    const rKey = regionKey(check.id, row.region);
    const region = overlay.get<RegionState>(rKey) ?? {
      softHard: initialSoftHardState(check.key, row.region),
      latency: null,
    };
    if (region.softHard.lastResultAt !== null && at <= region.softHard.lastResultAt) return [];

    let outcome = row.outcome;
    let latency = region.latency;
    if ((outcome === CheckOutcome.Up || outcome === CheckOutcome.Degraded) && row.latencyMs !== null) {
      if (this.options.latencyBaseline) {
        const step = stepLatencyBaseline(
          latency ?? initialLatencyBaselineState(),
          { at, latencyMs: row.latencyMs },
          {
            ...DEFAULT_LATENCY_BASELINE_CONFIG,
            absoluteMs: check.degradedMs,
          },
        );
        latency = step.state;
        if (step.degraded) outcome = CheckOutcome.Degraded;
      } else if (check.degradedMs !== null && row.latencyMs > check.degradedMs) {
        outcome = CheckOutcome.Degraded;
      }
    }
    const step = stepSoftHard(
      region.softHard,
      { outcome, at },
      {
        ...DEFAULT_SOFT_HARD_CONFIG,
        failureThreshold: check.failures ?? DEFAULT_SOFT_HARD_CONFIG.failureThreshold,
        successThreshold: check.successes ?? DEFAULT_SOFT_HARD_CONFIG.successThreshold,
      },
    );
    overlay.set(rKey, { softHard: step.state, latency } satisfies RegionState);
    this.indexRegion(check.id, row.region);
    if (step.transition)
      this.logger.log(
        `detector: ${check.key} ${row.region} ${step.transition.from} -> ${step.transition.to} (${step.transition.idempotencyKey})`,
      );

    this.evaluateCheck(check, overlay, at, outcome === CheckOutcome.Unknown);
    // Every accepted row re-evaluates its system: maintenance starts and ends with time, not results.
    return this.evaluateSystem(tx, catalog, overlay, check.systemId, at);
  }

  /** Quorum, check status and flapping; true when the status or the flapping flag changed. */
  private evaluateCheck(
    check: CheckInfo,
    overlay: StateOverlay,
    at: number,
    unknownResult: boolean,
  ): boolean {
    const regions = new Set([...check.regions, ...(this.regionsByCheck.get(check.id) ?? [])]);
    const votes = [...regions].map((r) => {
      const s = overlay.get<RegionState>(regionKey(check.id, r))?.softHard;
      return { region: r, hard: s?.hard ?? 'unknown', lastKnownAt: s?.lastKnownAt ?? null } as const;
    });
    const quorum = evaluateQuorum(votes, at, {
      staleAfterMs: this.options.staleIntervals * check.intervalMs,
    });
    const status = checkStatusFromVerdict(quorum.verdict);
    const cKey = checkKey(check.id);
    const prev = overlay.get<CheckState>(cKey) ?? {
      verdict: 'unknown',
      status: null,
      flapping: initialFlappingState(),
    };
    const flap = unknownResult ? null : stepFlapping(prev.flapping, status ?? 'unknown');
    const next: CheckState = { verdict: quorum.verdict, status, flapping: flap ? flap.state : prev.flapping };
    overlay.set(cKey, next);
    if (flap?.transition)
      this.logger.log(`detector: ${check.key} flapping ${flap.transition} (${flap.percent.toFixed(1)}%)`);
    if (prev.verdict !== next.verdict && (quorum.verdict === 'regional' || prev.verdict === 'regional'))
      this.logger.log(
        `detector: ${check.key} regional problem ${quorum.verdict === 'regional' ? `in ${[...quorum.down, ...quorum.degraded].join(',')}` : 'over'}`,
      );
    return prev.status !== next.status || prev.flapping.flapping !== next.flapping.flapping;
  }

  private async evaluateSystem(
    tx: IncidentsTx,
    catalog: DetectionCatalog,
    overlay: StateOverlay,
    systemId: number,
    at: number,
  ): Promise<IncidentChange[]> {
    const system = catalog.graph.system(systemId);
    if (!system) return [];
    const checks = catalog.checksBySystem.get(systemId) ?? [];
    const states = checks.map((c) => overlay.get<CheckState>(checkKey(c.id)));
    const maintenance = catalog.windows.some(
      (w) => w.systemIds.includes(systemId) && maintenanceActiveAt(w, at),
    );
    const status: PublicStatus | null = rollupSystemStatus({
      checks: states.map((s) => ({ status: s?.status ?? null })),
      maintenance,
    });
    const flapping = !maintenance && states.some((s) => s?.flapping.flapping === true);
    const sKey = systemKey(systemId);
    const prev = overlay.get<SystemState>(sKey);
    if (prev && prev.status === status && prev.flapping === flapping) return [];
    overlay.set(sKey, { status, flapping, at } satisfies SystemState);
    this.logger.log(
      `detector: system ${system.code} ${prev?.status ?? 'none'} -> ${status ?? 'unknown'}${flapping ? ' (flapping)' : ''}`,
    );
    return this.incidents.applySystemState(tx, catalog.graph, { system, status, flapping, at });
  }

  /** One event per system whose status or flapping flag this (committed) batch changed. */
  private publishStatusChanges(catalog: DetectionCatalog, overlay: StateOverlay): void {
    for (const [key, value] of overlay.changed) {
      const m = /^system:(\d+)$/.exec(key);
      const system = m ? catalog.graph.system(Number(m[1])) : undefined;
      if (!system) continue;
      const state = value as SystemState;
      this.statusEvents!.emit({
        systemId: system.id,
        system: system.code,
        agency: system.agencyCode,
        tier: system.tier,
        status: state.status,
        flapping: state.flapping,
        at: state.at,
      });
    }
  }

  private indexRegion(checkId: number, region: string): void {
    const set = this.regionsByCheck.get(checkId) ?? new Set<string>();
    set.add(region);
    this.regionsByCheck.set(checkId, set);
  }

  private logFailure(what: string, err: unknown): void {
    this.logger.error(`detector: ${what} failed: ${errorText(err)}`);
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
