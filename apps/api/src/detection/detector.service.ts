import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit, Optional } from '@nestjs/common';
import { CheckOutcome, isErrorClass, PublicStatus } from '@kuzet/contracts';
import {
  checkStatusFromVerdict,
  DEFAULT_LATENCY_BASELINE_CONFIG,
  DEFAULT_SOFT_HARD_CONFIG,
  describeFailure,
  evaluateQuorum,
  initialFlappingState,
  initialLatencyBaselineState,
  initialSoftHardState,
  stepFlapping,
  stepLatencyBaseline,
  stepSoftHard,
  SystemStatusTally,
  TalliedCheck,
} from '@kuzet/detection';
import type { Subscription } from 'rxjs';
import { CatalogEvents } from '../catalog/catalog-events.service';
import { EventLoopSlicer } from '../event-loop/event-loop-slicer';
import { ResultsStream } from '../ingest/results-stream';
import type { IncidentChange } from '../incidents/incident-events.service';
import type { IncidentsTx, StatusHistoryEntry } from '../incidents/incident-store';
import { IncidentsUnitOfWork } from '../incidents/incidents-unit-of-work';
import { IncidentsService } from '../incidents/incidents.service';
import type { LeaderRole } from '../leadership/leader-role';
import { LeadershipService } from '../leadership/leadership.service';
import type { CheckResultRow } from '../timeseries/check-result';
import { DetectionClock } from './detection-clock';
import type { CheckInfo, DetectionCatalog } from './detection-catalog';
import { DetectionPersistError } from './detection.errors';
import { DETECTION_OPTIONS, DetectionOptions } from './detection.options';
import { DetectionRepository, ResultCursor } from './detection.repository';
import { DetectorMetrics, DetectorProgress } from './detector-metrics';
import {
  CheckState,
  checkKey,
  RegionFailure,
  RegionState,
  regionKey,
  SystemState,
  systemKey,
} from './detector-state';
import { buildIncidentCause } from './incident-cause.builder';
import { maintenanceActiveAt } from './maintenance-schedule';
import { SystemStatusEvents } from './system-status-events.service';

const CATALOG_RELOAD_MIN_MS = 5_000;
/** Rows per page when the detector reads durable results back from check_results. */
const READ_BACK_PAGE = 5_000;
/** Passes of an overflow read-back before the stream resumes behind the last one. */
const READ_BACK_PASSES = 3;

const FAILING: ReadonlySet<PublicStatus> = new Set(['degraded_performance', 'partial_outage', 'major_outage']);

/**
 * One batch's working copy of the state: read-through to the committed state, written on commit.
 * The systems' status tallies are copied on first write, so a failed batch leaves them as they were.
 */
class StateOverlay {
  readonly changed = new Map<string, unknown>();
  readonly changedTallies = new Map<number, SystemStatusTally>();
  /** Systems whose status or flapping flag this batch changed (published after commit). */
  readonly statusChanged = new Set<number>();
  readonly history: StatusHistoryEntry[] = [];
  constructor(
    private readonly base: Map<string, unknown>,
    private readonly baseTallies: Map<number, SystemStatusTally>,
  ) {}
  get<T>(key: string): T | undefined {
    const own = this.changed.get(key);
    return (own !== undefined ? own : this.base.get(key)) as T | undefined;
  }
  set(key: string, value: unknown): void {
    this.changed.set(key, value);
  }
  /** The system's tally as this batch sees it (read only). */
  tally(systemId: number): SystemStatusTally | undefined {
    return this.changedTallies.get(systemId) ?? this.baseTallies.get(systemId);
  }
  /** The system's tally, to change within this batch. */
  writableTally(systemId: number): SystemStatusTally {
    let own = this.changedTallies.get(systemId);
    if (!own) {
      own = this.baseTallies.get(systemId)?.clone() ?? new SystemStatusTally();
      this.changedTallies.set(systemId, own);
    }
    return own;
  }
}

/**
 * The detector: results (once durable) -> per (check, region) soft/hard state (with latency
 * degradation) -> quorum across the check's regions -> check status (+ flapping) -> system
 * status from its primary checks (diagnostic ones only degrade; maintenance aware) -> incidents,
 * with the cause (failing checks, regions, first error in words) and the status timeline.
 *
 * Batches are processed one at a time, rows in time order; a row not newer than its region's
 * last accepted result is ignored, so redelivered or late rows change nothing. The state a batch
 * changes is saved in the same transaction as the incident changes it causes.
 *
 * Nothing is lost between ingest and detection: at start the detector reads back the durable
 * results from shortly before the newest one it had processed; and its input queue is bounded:
 * when full, it stops holding rows in memory and reads them back from check_results once it has
 * caught up (the rows are durable before they reach it). Its lag is a metric and part of health.
 *
 * A failing system whose upstream dependency is failing but not confirmed yet (soft state, being
 * rechecked) is held back for a short grace, so it opens as the parent's symptom, never as a root.
 */
@Injectable()
export class DetectorService implements OnModuleInit, OnModuleDestroy, DetectorProgress {
  private readonly logger = new Logger(DetectorService.name);
  private state = new Map<string, unknown>();
  /**
   * Per system, its checks counted by role, status and flapping flag (committed state, current
   * catalog): a result reads its system's roll-up here instead of every check of the system.
   */
  private tallies = new Map<number, SystemStatusTally>();
  private catalog: DetectionCatalog | undefined;
  private catalogLoadedAt = 0;
  private chain: Promise<void> = Promise.resolve();
  private subscriptions: Subscription[] = [];
  /** Every region each check has state for (usually just its catalog regions). */
  private readonly regionsByCheck = new Map<number, string[]>();
  /** Enqueue times of the batches waiting, oldest first, and their row count. */
  private readonly waiting: { at: number; rows: number }[] = [];
  private queued = 0;
  /** Overflow: rows are not held in memory but read back from the database. */
  private overflow = false;
  /** Earliest time of the rows dropped from memory since the last read-back pass began. */
  private droppedFrom: number | null = null;
  private readingBackSince: number | null = null;
  /** Earliest time of the results other nodes made durable that are not read back yet. */
  private remoteFrom: number | null = null;
  private remoteReadQueued = false;
  private role: LeaderRole | undefined;
  /** Set by stop(): queued batches and read-back passes end at once (see stop()). */
  private stopping = false;

  constructor(
    private readonly repo: DetectionRepository,
    private readonly uow: IncidentsUnitOfWork,
    private readonly incidents: IncidentsService,
    @Inject(DETECTION_OPTIONS) private readonly options: DetectionOptions,
    @Optional() private readonly clock: DetectionClock = new DetectionClock(),
    @Optional() private readonly results?: ResultsStream,
    @Optional() private readonly catalogEvents?: CatalogEvents,
    @Optional() private readonly statusEvents?: SystemStatusEvents,
    @Optional() private readonly metrics?: DetectorMetrics,
    @Optional() private readonly leadership?: LeadershipService,
  ) {
    metrics?.bind(this);
  }

  /**
   * Runs while this node leads (a lone node leads from its first election round on, before this
   * returns); without leader election (tests, tools) it simply runs.
   */
  async onModuleInit(): Promise<void> {
    if (!this.leadership) return this.start();
    await this.leadership.ready();
    this.role = this.leadership.whileLeader('detector', { start: () => this.start(), stop: () => this.stepDown() });
    await this.role.settled();
  }

  onModuleDestroy(): Promise<void> {
    return this.role ? this.role.close() : this.stop();
  }

  /** Loads the catalog and the persisted state, reads back what it had not seen, then follows the stream. */
  async start(): Promise<void> {
    this.stopping = false;
    await this.reloadCatalog();
    this.state = await this.repo.loadState();
    this.rebuildTallies();
    let newest: number | null = null;
    for (const [key, value] of this.state) {
      const m = /^region:(\d+):(.+)$/.exec(key);
      if (!m) continue;
      this.indexRegion(Number(m[1]), m[2]);
      const last = (value as RegionState).softHard?.lastResultAt ?? null;
      if (last !== null && (newest === null || last > newest)) newest = last;
    }
    this.logger.log(
      `detector started: ${this.state.size} state entries, ${this.catalog?.checks.size ?? 0} checks`,
    );
    // Results made durable after the last committed batch (a crash in between): evaluate them.
    if (newest !== null && this.options.catchUpMs > 0) {
      const from = newest - this.options.catchUpMs;
      this.chain = this.chain
        .then(() => this.readBack(from))
        .catch((err: unknown) => this.logFailure('catch-up', err));
    }
    if (this.results)
      this.subscriptions.push(this.results.results$.subscribe((rows) => void this.enqueue(rows)));
    if (this.leadership)
      this.subscriptions.push(this.leadership.remoteResults$.subscribe((n) => this.followDurable(n.fromMs)));
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
    // The batches still queued are not evaluated: their rows are durable, and the next start (or
    // the next leader) reads back from before the newest result this node committed, so a
    // shutdown under a backlog takes one batch, not the whole backlog.
    this.stopping = true;
    for (const s of this.subscriptions) s.unsubscribe();
    this.subscriptions = [];
    await this.chain;
  }

  /**
   * Queues a batch after the ones before it; resolves once it is processed (or failed and logged).
   * Past the queue bound the rows are dropped from memory and read back from the database later.
   */
  enqueue(rows: readonly CheckResultRow[]): Promise<void> {
    if (rows.length === 0) return this.chain;
    if (this.overflow || this.queued + rows.length > this.options.queueMaxRows) {
      this.dropToDatabase(rows);
      return this.chain;
    }
    const entry = { at: this.clock.now(), rows: rows.length };
    this.waiting.push(entry);
    this.queued += rows.length;
    const next = this.chain
      .then(() => this.process(rows))
      .catch((err: unknown) => this.logFailure('batch', err))
      .finally(() => {
        this.queued -= entry.rows;
        this.waiting.splice(this.waiting.indexOf(entry), 1);
      });
    this.chain = next;
    return next;
  }

  /**
   * Leadership lost: stop, and forget the in-memory state. The next leader (maybe this node
   * again) starts from what was committed, which fencing keeps consistent.
   */
  private async stepDown(): Promise<void> {
    await this.stop();
    this.state = new Map();
    this.tallies = new Map();
    this.regionsByCheck.clear();
    this.overflow = false;
    this.droppedFrom = null;
    this.remoteFrom = null;
  }

  /**
   * Results another node made durable from `fromMs` on: read back from check_results behind the
   * batches queued now; notices arriving meanwhile merge into one read.
   */
  followDurable(fromMs: number): void {
    this.remoteFrom = Math.min(this.remoteFrom ?? Infinity, fromMs);
    if (this.remoteReadQueued) return;
    this.remoteReadQueued = true;
    this.chain = this.chain
      .then(async () => {
        while (this.remoteFrom !== null) {
          const from = this.remoteFrom;
          this.remoteFrom = null;
          await this.readBack(from, false);
        }
      })
      .catch((err: unknown) => this.logFailure('remote results read-back', err))
      .finally(() => (this.remoteReadQueued = false));
  }

  /** Waits for every queued batch. */
  idle(): Promise<void> {
    return this.chain;
  }

  /** Age in seconds of the oldest result not processed yet; 0 when idle. */
  lagSeconds(): number {
    const oldest = Math.min(this.waiting[0]?.at ?? Infinity, this.readingBackSince ?? Infinity);
    return oldest === Infinity ? 0 : Math.max(0, this.clock.now() - oldest) / 1000;
  }

  queuedRows(): number {
    return this.queued;
  }

  /** A snapshot of the in-memory state of one key (tests, diagnostics). */
  peek<T>(key: string): T | undefined {
    return this.state.get(key) as T | undefined;
  }

  async reloadCatalog(): Promise<void> {
    this.catalog = await this.repo.loadCatalog();
    this.catalogLoadedAt = Date.now();
    this.rebuildTallies();
  }

  /** Counts every system's checks again, from the committed state (after a load or catalog change). */
  private rebuildTallies(): void {
    const tallies = new Map<number, SystemStatusTally>();
    for (const [systemId, checks] of this.catalog?.checksBySystem ?? []) {
      const tally = new SystemStatusTally();
      for (const c of checks) tally.add(talliedCheck(c, this.state.get(checkKey(c.id)) as CheckState | undefined));
      tallies.set(systemId, tally);
    }
    this.tallies = tallies;
  }

  // --- input: queue overflow and read-back ------------------------------------------------

  private dropToDatabase(rows: readonly CheckResultRow[]): void {
    let oldest = Infinity;
    for (const r of rows) oldest = Math.min(oldest, r.time.getTime());
    this.droppedFrom = Math.min(this.droppedFrom ?? Infinity, oldest);
    if (this.overflow) return;
    this.overflow = true;
    this.metrics?.overflows?.inc();
    this.logger.warn(
      `detector: queue full (${this.queued} rows waiting, limit ${this.options.queueMaxRows}); reading results back from the database`,
    );
    this.chain = this.chain
      .then(() => this.drainOverflow())
      .catch((err: unknown) => this.logFailure('overflow read-back', err));
  }

  /**
   * Reads back what was dropped, pass after pass while rows keep being dropped; the last pass
   * runs with the stream resumed (new rows queue behind it), so this always ends.
   */
  private async drainOverflow(): Promise<void> {
    for (let pass = 1; this.droppedFrom !== null && !this.stopping; pass++) {
      const from = this.droppedFrom;
      this.droppedFrom = null;
      if (pass >= READ_BACK_PASSES) this.overflow = false;
      await this.readBack(from);
      if (!this.overflow) break;
    }
    this.overflow = false;
    this.logger.log('detector: caught up with the database; following the stream again');
  }

  /** Processes every durable result from `fromMs` on, oldest first, a page at a time. */
  private async readBack(fromMs: number, logTotal = true): Promise<void> {
    this.readingBackSince ??= this.clock.now();
    let cursor: ResultCursor = { time: fromMs - 1, checkId: 0, region: '' };
    let total = 0;
    try {
      for (;;) {
        if (this.stopping) break;
        const rows = await this.repo.resultsAfter(cursor, READ_BACK_PAGE);
        if (rows.length === 0) break;
        const unseen = rows.filter((r) => this.unseen(r));
        total += unseen.length;
        this.metrics?.catchUpRows?.inc(unseen.length);
        await this.process(unseen);
        const last = rows[rows.length - 1];
        cursor = { time: last.time.getTime(), checkId: last.checkId, region: last.region };
        if (rows.length < READ_BACK_PAGE) break;
      }
    } finally {
      this.readingBackSince = null;
    }
    if (total > 0 && logTotal)
      this.logger.log(`detector: read back ${total} durable results from ${new Date(fromMs).toISOString()}`);
  }

  /** A row newer than its region's last accepted result (the others change nothing). */
  private unseen(row: CheckResultRow): boolean {
    const last = (this.state.get(regionKey(row.checkId, row.region)) as RegionState | undefined)?.softHard.lastResultAt;
    return last === undefined || last === null || row.time.getTime() > last;
  }

  // --- processing ---------------------------------------------------------------------------

  private async process(rows: readonly CheckResultRow[]): Promise<void> {
    if (rows.length === 0 || this.stopping) return;
    if (
      !this.catalog ||
      (rows.some((r) => !this.catalog!.checks.has(r.checkId)) &&
        Date.now() - this.catalogLoadedAt > CATALOG_RELOAD_MIN_MS)
    )
      await this.reloadCatalog();
    const catalog = this.catalog!;
    const sorted = [...rows].sort((a, b) => a.time.getTime() - b.time.getTime());
    const overlay = new StateOverlay(this.state, this.tallies);
    let changes: IncidentChange[];
    try {
      changes = await this.uow.run(
        async (tx) => {
          const out: IncidentChange[] = [];
          // A batch of 1,000 rows is ~35 ms of work: requests get a turn in between.
          const slicer = new EventLoopSlicer();
          for (const row of sorted) {
            await slicer.next();
            out.push(...(await this.processRow(tx, catalog, overlay, row)));
          }
          await tx.detectorState.save([...overlay.changed].map(([key, state]) => ({ key, state })));
          await tx.statusHistory.record(overlay.history);
          return out;
        },
        { asLeader: true },
      );
    } catch (err) {
      throw new DetectionPersistError(`batch of ${rows.length} results not applied: ${errorText(err)}`, {
        cause: err,
      });
    }
    for (const [key, value] of overlay.changed) this.commitState(key, value);
    for (const [systemId, tally] of overlay.changedTallies) this.tallies.set(systemId, tally);
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
      failure: null,
    };
    if (region.softHard.lastResultAt !== null && at <= region.softHard.lastResultAt) return [];

    let outcome = row.outcome;
    let latency = region.latency;
    if ((outcome === CheckOutcome.Up || outcome === CheckOutcome.Degraded) && row.latencyMs !== null) {
      if (this.options.latencyBaseline) {
        const step = stepLatencyBaseline(
          latency ?? initialLatencyBaselineState(),
          { at, latencyMs: row.latencyMs },
          { ...DEFAULT_LATENCY_BASELINE_CONFIG, absoluteMs: check.degradedMs },
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
    const failure = nextFailure(region.failure ?? null, row, outcome, step.state.hard, check);
    overlay.set(rKey, { softHard: step.state, latency, failure } satisfies RegionState);
    this.indexRegion(check.id, row.region);
    if (step.transition) {
      this.logger.log(
        `detector: ${check.key} ${row.region} ${step.transition.from} -> ${step.transition.to} (${step.transition.idempotencyKey})`,
      );
      this.metrics?.transitions?.inc({ from: step.transition.from, to: step.transition.to });
    }

    this.evaluateCheck(check, overlay, at, outcome === CheckOutcome.Unknown);
    // Every accepted row re-evaluates its system: maintenance starts and ends with time, not results.
    const changes = await this.evaluateSystem(tx, catalog, overlay, check.systemId, at);
    // A result of an upstream system decides its held dependents now (root, symptom or nothing),
    // not at their next result.
    for (const dependent of this.heldDependents(catalog, overlay, check.systemId))
      changes.push(...(await this.evaluateSystem(tx, catalog, overlay, dependent, at)));
    return changes;
  }

  /** Quorum, check status and flapping. */
  private evaluateCheck(check: CheckInfo, overlay: StateOverlay, at: number, unknownResult: boolean): void {
    const votes = this.regionsOf(check).map((r) => {
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
    if (prev.status !== next.status || prev.flapping.flapping !== next.flapping.flapping)
      overlay.writableTally(check.systemId).move(talliedCheck(check, prev), talliedCheck(check, next));
    if (flap?.transition)
      this.logger.log(`detector: ${check.key} flapping ${flap.transition} (${flap.percent.toFixed(1)}%)`);
    if (prev.verdict !== next.verdict && (quorum.verdict === 'regional' || prev.verdict === 'regional'))
      this.logger.log(
        `detector: ${check.key} regional problem ${quorum.verdict === 'regional' ? `in ${[...quorum.down, ...quorum.degraded].join(',')}` : 'over'}`,
      );
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
    const maintenance = (catalog.windowsBySystem.get(systemId) ?? []).some((w) => maintenanceActiveAt(w, at));
    // O(1) in the system's checks: the tally is kept up to date as checks change status
    const tally = overlay.tally(systemId);
    const checksStatus = tally ? tally.status() : null;
    const status: PublicStatus | null = maintenance ? 'under_maintenance' : checksStatus;
    const flapping = tally?.flapping ?? false;
    const sKey = systemKey(systemId);
    const prev = overlay.get<SystemState>(sKey);
    const changed =
      !prev ||
      prev.status !== status ||
      (prev.checksStatus ?? prev.status) !== checksStatus ||
      (prev.checksFlapping ?? prev.flapping) !== flapping;
    const held = prev?.heldSince !== undefined && prev.heldSince !== null;
    if (!changed && !held) return [];
    const next: SystemState = {
      status,
      checksStatus,
      flapping: !maintenance && flapping,
      checksFlapping: flapping,
      at: changed || !prev ? at : prev.at,
      heldSince: null,
    };
    if (changed) {
      if (!prev || prev.status !== status) overlay.history.push({ systemId, at, status });
      if (!prev || prev.status !== status || prev.flapping !== next.flapping) overlay.statusChanged.add(systemId);
      this.logger.log(
        `detector: system ${system.code} ${prev?.status ?? 'none'} -> ${status ?? 'unknown'}${next.flapping ? ' (flapping)' : ''}`,
      );
    }

    const failing = flapping || (checksStatus !== null && FAILING.has(checksStatus));
    const waitFor =
      failing && !maintenance
        ? checksStatus !== 'major_outage' && this.deciderPending(checks, overlay)
          ? 'a primary check of its own is failing, unconfirmed'
          : (await this.parentPending(tx, catalog, overlay, systemId, prev?.heldSince ?? at))
            ? 'an upstream dependency is failing, unconfirmed'
            : null
        : null;
    if (waitFor !== null) {
      const heldSince = prev?.heldSince ?? at;
      if (at - heldSince < this.options.parentGraceMs && !(await this.incidents.hasUnresolvedIncident(tx, systemId))) {
        overlay.set(sKey, { ...next, heldSince } satisfies SystemState);
        if (!held) this.logger.log(`detector: system ${system.code} held back: ${waitFor}`);
        return [];
      }
    }
    overlay.set(sKey, next);
    const { cause, firstFailureAt } = failing
      ? buildIncidentCause(checks, {
          check: (id) => overlay.get<CheckState>(checkKey(id)),
          region: (id, r) => overlay.get<RegionState>(regionKey(id, r)),
          regionsOf: (id) => this.regionsOf(catalog.checks.get(id)!),
        })
      : { cause: null, firstFailureAt: null };
    const changes = await this.incidents.applySystemState(tx, catalog.graph, {
      system,
      status: checksStatus,
      maintenance,
      flapping,
      at,
      cause,
      firstFailureAt,
    });
    return changes;
  }

  /**
   * True when a check that decides the system's status (its primary checks, or every check when
   * none is primary) fails in some region but is not confirmed down yet. A diagnostic check (TLS,
   * TCP) often fails a run before the primary one does; opening then would open a "degraded"
   * incident that a second later is an outage, alerting twice.
   */
  private deciderPending(checks: readonly CheckInfo[], overlay: StateOverlay): boolean {
    const primary = checks.filter((c) => c.role === 'primary');
    for (const c of primary.length > 0 ? primary : checks)
      for (const r of this.regionsOf(c)) {
        const s = overlay.get<RegionState>(regionKey(c.id, r))?.softHard;
        if (s && s.consecutiveDown > 0 && s.hard !== 'down') return true;
      }
    return false;
  }

  /**
   * True when no ancestor incident is open yet and an ancestor has a check failing in some region
   * (soft or hard), or one not run since the system's failure was confirmed (`since`): the parent
   * is being confirmed or has not been looked at since, so the child waits rather than open as a
   * root. The cost for a child failing on its own: up to one interval of its parent.
   */
  private async parentPending(
    tx: IncidentsTx,
    catalog: DetectionCatalog,
    overlay: StateOverlay,
    systemId: number,
    since: number,
  ): Promise<boolean> {
    if (this.options.parentGraceMs <= 0) return false;
    const seen = new Set<number>([systemId]);
    let frontier = catalog.graph.system(systemId)?.dependsOn ?? [];
    let troubled = false;
    while (frontier.length > 0 && !troubled) {
      const next: number[] = [];
      for (const id of frontier) {
        if (seen.has(id)) continue;
        seen.add(id);
        for (const c of catalog.checksBySystem.get(id) ?? [])
          for (const r of this.regionsOf(c)) {
            const s = overlay.get<RegionState>(regionKey(c.id, r))?.softHard;
            if (s && (s.consecutiveDown > 0 || s.hard === 'down')) troubled = true;
            // not run since the child was confirmed: the parent may be failing unseen
            else if (s && s.lastResultAt !== null && s.lastResultAt < since) troubled = true;
          }
        next.push(...(catalog.graph.system(id)?.dependsOn ?? []));
      }
      frontier = next;
    }
    return troubled && !(await this.incidents.hasFailingAncestorIncident(tx, catalog.graph, systemId));
  }

  /** Dependents (transitively) whose incident is held back waiting for a parent. */
  private heldDependents(catalog: DetectionCatalog, overlay: StateOverlay, systemId: number): number[] {
    const out: number[] = [];
    const seen = new Set<number>([systemId]);
    let frontier = catalog.graph.dependentsOf(systemId);
    while (frontier.length > 0) {
      const next: number[] = [];
      for (const id of frontier) {
        if (seen.has(id)) continue;
        seen.add(id);
        const s = overlay.get<SystemState>(systemKey(id));
        if (s?.heldSince !== undefined && s.heldSince !== null) out.push(id);
        next.push(...catalog.graph.dependentsOf(id));
      }
      frontier = next;
    }
    return out;
  }

  /** One event per system whose status or flapping flag this (committed) batch changed. */
  private publishStatusChanges(catalog: DetectionCatalog, overlay: StateOverlay): void {
    for (const systemId of overlay.statusChanged) {
      const system = catalog.graph.system(systemId);
      const state = overlay.get<SystemState>(systemKey(systemId));
      if (!system || !state) continue;
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

  /** The check's catalog regions, then the other regions it has state for. */
  private regionsOf(check: CheckInfo): readonly string[] {
    const seen = this.regionsByCheck.get(check.id);
    if (!seen || seen.every((r) => check.regions.includes(r))) return check.regions;
    return [...new Set([...check.regions, ...seen])];
  }

  private indexRegion(checkId: number, region: string): void {
    const seen = this.regionsByCheck.get(checkId);
    if (!seen) this.regionsByCheck.set(checkId, [region]);
    else if (!seen.includes(region)) seen.push(region);
  }

  /**
   * A committed batch's state into the in-memory state. A check's and a region's entries are
   * updated in place (the entry lives as long as the check, the batch's copies die young): a
   * result then leaves no garbage in the old generation, only short-lived objects.
   */
  private commitState(key: string, value: unknown): void {
    const current = this.state.get(key);
    if (current === undefined || current === value) {
      this.state.set(key, value);
    } else if (key.startsWith('region:')) {
      const into = current as RegionState;
      const from = value as RegionState;
      if (into.softHard !== from.softHard) Object.assign(into.softHard, from.softHard);
      into.latency = from.latency;
      into.failure = from.failure;
    } else if (key.startsWith('check:')) {
      const into = current as CheckState;
      const from = value as CheckState;
      into.verdict = from.verdict;
      into.status = from.status;
      if (into.flapping !== from.flapping) {
        into.flapping.flapping = from.flapping.flapping;
        const history = into.flapping.history;
        if (history !== from.flapping.history) {
          history.length = 0;
          for (const h of from.flapping.history) history.push(h);
        }
      }
    } else {
      this.state.set(key, value);
    }
  }

  private logFailure(what: string, err: unknown): void {
    this.logger.error(`detector: ${what} failed: ${errorText(err)}`);
  }
}

/**
 * The first error of a region's current trouble: kept while it lasts (a failure replaces a mere
 * slowness), forgotten once the region is up again.
 */
function nextFailure(
  current: RegionFailure | null,
  row: CheckResultRow,
  outcome: CheckOutcome,
  hard: string,
  check: CheckInfo,
): RegionFailure | null {
  if (outcome === CheckOutcome.Unknown) return current;
  if (outcome === CheckOutcome.Up) return hard === 'up' || hard === 'unknown' ? null : current;
  if (current && (current.outcome === CheckOutcome.Down || outcome === CheckOutcome.Degraded)) return current;
  return {
    at: row.time.getTime(),
    outcome,
    // only the stored vocabulary travels on (the board shows it)
    errorClass: isErrorClass(row.errorClass) ? row.errorClass : null,
    statusCode: row.statusCode,
    words:
      row.failureWords ??
      describeFailure({
        errorClass: isErrorClass(row.errorClass) ? row.errorClass : null,
        statusCode: row.statusCode,
        outcome,
        timeoutMs: check.timeoutMs,
      }),
  };
}

/** A check as its system's tally counts it (no state yet: unknown, not flapping). */
function talliedCheck(check: CheckInfo, state: CheckState | undefined): TalliedCheck {
  return { status: state?.status ?? null, role: check.role, flapping: state?.flapping.flapping === true };
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
