import { Injectable, Logger, OnModuleDestroy, OnModuleInit, Optional } from '@nestjs/common';
import {
  BOARD_NAMESPACE,
  NATIONAL_ROOM,
  PUBLIC_NAMESPACE,
  agencyRoom,
  type BoardEvent,
  type PublicEvent,
  type ResultSummaryBatch,
  type ScoreUpdate,
  type SystemStatusView,
} from '@kuzet/contracts';
import type { Subscription } from 'rxjs';
import { AppConfig } from '../config/app-config';
import { SystemStatusChange, SystemStatusEvents } from '../detection/system-status-events.service';
import { IncidentChange, IncidentEvents } from '../incidents/incident-events.service';
import { ResultsStream } from '../ingest/results-stream';
import { boardRoomsOf } from './board-access';
import { BoardGateway } from './board.gateway';
import { PUBLIC_ROOMS, PublicGateway } from './public.gateway';
import { RealtimeCatalog } from './realtime-catalog.service';
import { RealtimeClock } from './realtime-clock';
import type { Delivery } from './realtime-delivery';
import { RealtimeMetrics } from './realtime-metrics';
import { toBoardIncident, toPublicIncident, toPublicSystemStatus } from './realtime-projections';
import { RealtimeStreams } from './realtime-streams.service';
import { ResultsSummaryAggregator } from './results-summary-aggregator';

const DEFAULT_SUMMARY_MS = 5000;

/**
 * Turns in-process changes (incidents, system statuses, check results, scores) into delta events
 * on /board (per room) and /public (public systems, public fields; no scores). Changes are handled one at a
 * time, in arrival order, so sequence order is change order. With several API nodes each change
 * is also relayed to the others, and every node sequences and sends it to its own sockets.
 */
@Injectable()
export class RealtimePublisher implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RealtimePublisher.name);
  private readonly subscriptions: Subscription[] = [];
  private readonly aggregator: ResultsSummaryAggregator;
  private queue: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly streams: RealtimeStreams,
    private readonly board: BoardGateway,
    private readonly publicGateway: PublicGateway,
    private readonly catalog: RealtimeCatalog,
    private readonly clock: RealtimeClock,
    private readonly metrics: RealtimeMetrics,
    private readonly incidents: IncidentEvents,
    private readonly statuses: SystemStatusEvents,
    @Optional() private readonly results?: ResultsStream,
    @Optional() private readonly config?: AppConfig,
  ) {
    this.aggregator = new ResultsSummaryAggregator(clock);
  }

  onModuleInit(): void {
    this.board.onRelayed((deliveries) => this.enqueue(async () => this.deliver(deliveries)));
    this.subscriptions.push(
      this.incidents.changes$.subscribe((c) => this.enqueue(() => this.incidentChanged(c))),
      this.statuses.changes$.subscribe((c) => this.enqueue(() => this.statusChanged(c))),
    );
    if (this.results) {
      this.subscriptions.push(this.results.results$.subscribe((rows) => this.aggregator.add(rows)));
      const every = this.config?.realtime.summaryIntervalMs ?? DEFAULT_SUMMARY_MS;
      this.timer = setInterval(() => this.enqueue(() => this.flushSummary()), every);
      this.timer.unref();
    }
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    for (const s of this.subscriptions) s.unsubscribe();
  }

  /**
   * An agency's score changed (called by the scoring module). Board only: scores are for the
   * agencies, duty officers and leadership (DESIGN.md), not part of the citizens' status page.
   */
  scoreUpdated(update: ScoreUpdate): void {
    this.enqueue(async () => {
      const data = { agency: update.agency, score: update.score, grade: update.grade };
      this.publish([{ ns: 'board', type: 'score.updated', at: this.now(), data, rooms: boardRoomsOf(update.agency), keep: true }]);
    });
  }

  /** Resolves when every change received so far has been emitted (tests, shutdown). */
  idle(): Promise<void> {
    return this.queue;
  }

  /** Closes the current results period now (the timer does it every summaryIntervalMs). */
  flushSummaryNow(): Promise<void> {
    this.enqueue(() => this.flushSummary());
    return this.queue;
  }

  private enqueue(work: () => Promise<void>): void {
    this.queue = this.queue.then(work).catch((error: unknown) => {
      this.logger.error({ msg: 'realtime event not emitted', err: String(error) });
    });
  }

  private async incidentChanged(change: IncidentChange): Promise<void> {
    const system = await this.catalog.system(change.incident.systemId);
    if (!system) {
      this.logger.warn({ msg: 'incident of an unknown system not emitted', incident: change.incident.id });
      return;
    }
    const incident = toBoardIncident(change.incident, { system: system.code, agency: system.agency });
    const type = `incident.${change.type}` as const;
    const at = this.now();
    const deliveries: Delivery[] = [
      { ns: 'board', type, at, data: incident, rooms: boardRoomsOf(system.agency), keep: true },
    ];
    if (system.isPublic) deliveries.push({ ns: 'public', type, at, data: toPublicIncident(incident) });
    this.publish(deliveries);
  }

  private async statusChanged(change: SystemStatusChange): Promise<void> {
    const view: SystemStatusView = {
      system: change.system,
      agency: change.agency,
      tier: change.tier,
      status: change.status,
      flapping: change.flapping,
      updated_at: new Date(change.at).toISOString(),
    };
    const at = this.now();
    const deliveries: Delivery[] = [
      { ns: 'board', type: 'system.status', at, data: view, rooms: boardRoomsOf(change.agency), keep: true },
    ];
    if ((await this.catalog.system(change.systemId))?.isPublic)
      deliveries.push({ ns: 'public', type: 'system.status', at, data: toPublicSystemStatus(view) });
    this.publish(deliveries);
  }

  /** One batch for the national room, and each agency room its own systems only. */
  private async flushSummary(): Promise<void> {
    const systemOf = await this.catalog.resolveChecks(this.aggregator.checkIds());
    const batch = this.aggregator.flush((checkId) => {
      const s = systemOf(checkId);
      return s && { system: s.code, agency: s.agency };
    });
    if (!batch) return;
    // Volatile: the next period supersedes it, so it is not kept for replay.
    const at = this.now();
    const deliveries: Delivery[] = [
      { ns: 'board', type: 'results.summary', at, data: batch, rooms: [NATIONAL_ROOM], keep: false },
    ];
    const byAgency = new Map<string, ResultSummaryBatch['systems']>();
    for (const s of batch.systems) {
      const systems = byAgency.get(s.agency);
      if (systems) systems.push(s);
      else byAgency.set(s.agency, [s]);
    }
    for (const [agency, systems] of byAgency)
      deliveries.push({
        ns: 'board',
        type: 'results.summary',
        at,
        data: { from: batch.from, to: batch.to, systems },
        rooms: [agencyRoom(agency)],
        keep: false,
      });
    this.publish(deliveries);
  }

  private now(): string {
    return new Date(this.clock.now()).toISOString();
  }

  /** Sends to this node's sockets, and to the other nodes' (which sequence it themselves). */
  private publish(deliveries: Delivery[]): void {
    this.deliver(deliveries);
    this.board.relay(deliveries);
  }

  /** Sequences each delivery in this node's stream of its namespace and emits it here. */
  private deliver(deliveries: readonly Delivery[]): void {
    for (const d of deliveries) {
      if (d.ns === 'board') {
        const stream = this.streams.board;
        const event = stream.next(
          d.rooms,
          (seq) => ({ type: d.type, epoch: stream.epoch, seq, at: d.at, data: d.data }) as BoardEvent,
          d.keep,
        );
        this.board.broadcast(event, d.rooms);
        this.metrics.events.inc({ namespace: BOARD_NAMESPACE, type: d.type });
      } else {
        const stream = this.streams.public;
        const event = stream.next(
          PUBLIC_ROOMS,
          (seq) => ({ type: d.type, epoch: stream.epoch, seq, at: d.at, data: d.data }) as PublicEvent,
        );
        this.publicGateway.broadcast(event);
        this.metrics.events.inc({ namespace: PUBLIC_NAMESPACE, type: d.type });
      }
    }
  }
}
