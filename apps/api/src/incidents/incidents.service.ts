import { Inject, Injectable, Logger } from '@nestjs/common';
import type { IncidentCause, IncidentFailureKind, PublicStatus } from '@kuzet/contracts';
import { DetectionClock } from '../detection/detection-clock';
import type { IncidentChange } from './incident-events.service';
import { IncidentEvents } from './incident-events.service';
import type {
  IncidentRecord,
  LocalizedText,
  PublicIncidentState,
  SystemGraph,
  SystemRef,
} from './incident-record';
import { INCIDENT_SEVERITIES, incidentSeverity } from './incident-severity';
import type { IncidentStore, IncidentsTx } from './incident-store';
import { incidentTitle } from './incident-title';
import { IncidentsUnitOfWork } from './incidents-unit-of-work';
import { IncidentNotFoundError, IncidentStateError } from './incidents.errors';
import { INCIDENTS_OPTIONS, IncidentsOptions } from './incidents.options';
import { SystemGraphRepository } from './system-graph.repository';

/** A system's status as the detector sees it after a change. */
export interface SystemStateInput {
  system: SystemRef;
  /** What its checks say, maintenance not applied; null: no evidence (every check unknown). */
  status: PublicStatus | null;
  /** A maintenance window is active: no new incident, but one already open goes on (and recovers). */
  maintenance?: boolean;
  flapping: boolean;
  /** Time of the result that caused the change (ms). */
  at: number;
  /** The failing checks, regions and first errors (null when nothing fails). */
  cause?: IncidentCause | null;
  /** Planned time of the first failing result of this failure. */
  firstFailureAt?: number | null;
}

function failureKindOf(status: PublicStatus, flapping: boolean): IncidentFailureKind {
  if (flapping) return 'flapping';
  return status === 'degraded_performance' ? 'degraded' : 'outage';
}

const FAILING: ReadonlySet<PublicStatus> = new Set([
  'degraded_performance',
  'partial_outage',
  'major_outage',
]);

/**
 * The incident lifecycle.
 * - A system going non-operational (or flapping) opens an incident; while open, status changes
 *   update it. Recovery (operational or under_maintenance) marks it recovered; the sweep resolves
 *   it a cooldown later (resolved_at = the recovery time). A failure before that, or within the
 *   cooldown after any resolution, reopens the same incident.
 * - Dependencies: an incident opened while an ancestor (transitively) has an unresolved,
 *   not-recovered incident is a SYMPTOM linked to that ancestor's root (alertable = false); a
 *   root opening adopts the open roots of its descendants. When a root resolves, each symptom
 *   is relinked to another failing ancestor's root, or becomes a root itself.
 * - Every detector-driven write carries an idempotency key derived from the result time, so a
 *   replayed transition writes nothing twice.
 * Methods taking a tx run inside the caller's transaction and return the changes to publish
 * after commit (publish()).
 */
@Injectable()
export class IncidentsService {
  private readonly logger = new Logger(IncidentsService.name);

  constructor(
    private readonly uow: IncidentsUnitOfWork,
    private readonly graphs: SystemGraphRepository,
    private readonly clock: DetectionClock,
    private readonly events: IncidentEvents,
    @Inject(INCIDENTS_OPTIONS) private readonly options: IncidentsOptions,
  ) {}

  publish(changes: readonly IncidentChange[]): void {
    for (const c of changes) {
      this.logger.log(
        `incident ${c.type}: #${c.incident.id} system ${c.incident.systemId} ${c.incident.kind} ${c.incident.status} ${c.incident.state}`,
      );
      this.events.emit(c);
    }
  }

  async applySystemState(
    tx: IncidentsTx,
    graph: SystemGraph,
    input: SystemStateInput,
  ): Promise<IncidentChange[]> {
    const { system, status, flapping, at } = input;
    const cause = input.cause ?? null;
    const store = tx.incidents;
    const changes: IncidentChange[] = [];
    if (status === null && !flapping) return changes;
    const latest = await store.latestForSystem(system.id);
    const failing = flapping || (status !== null && FAILING.has(status));

    if (!failing) {
      if (latest && latest.state !== 'resolved' && latest.recoveredAt === null) {
        const key = `recover:${latest.id}:${at}`;
        if (!(await store.addEvent(event(latest.id, 'status_changed', at, { status, recovered: true }, key))))
          return changes;
        await store.updateIncident(latest.id, { recoveredAt: at, flapping: false });
        changes.push({ type: 'updated', incident: await this.must(store, latest.id) });
      }
      return changes;
    }

    const failStatus: PublicStatus =
      status !== null && FAILING.has(status) ? status : (latest?.status ?? 'degraded_performance');
    const failureKind = failureKindOf(failStatus, flapping);
    // A window suppresses new incidents and reopenings; an outage that began before it stays open.
    if (input.maintenance && (!latest || latest.state === 'resolved' || latest.recoveredAt !== null))
      return changes;
    const withinCooldown = (i: IncidentRecord) =>
      i.resolvedAt !== null && at - i.resolvedAt < this.options.cooldownMs;
    if (!latest || (latest.state === 'resolved' && !withinCooldown(latest))) {
      return this.open(store, graph, system, {
        status: failStatus,
        flapping,
        at,
        failureKind,
        cause,
        firstFailureAt: input.firstFailureAt ?? at,
      });
    }

    let current = latest;
    if (latest.state === 'resolved' || latest.recoveredAt !== null) {
      const key = `reopen:${latest.id}:${at}`;
      if (!(await store.addEvent(event(latest.id, 'reopened', at, { status: failStatus, cause }, key))))
        return changes;
      const wasResolved = latest.state === 'resolved';
      // A recovering incident that fails again was never resolved, so nobody needs telling again.
      if (wasResolved) await store.addAlertIntent({ incidentId: latest.id, transition: 'reopened', at });
      await store.updateIncident(latest.id, {
        state: wasResolved ? (latest.acknowledgedAt !== null ? 'acknowledged' : 'open') : latest.state,
        publicState: wasResolved ? 'investigating' : latest.publicState,
        resolvedAt: null,
        recoveredAt: null,
        lastFailureAt: at,
        failureKind,
        cause,
      });
      current = await this.must(store, latest.id);
      if (current.kind === 'symptom' && current.rootIncidentId !== null) {
        const root = await store.getIncident(current.rootIncidentId);
        if (!root || root.state === 'resolved' || root.recoveredAt !== null)
          changes.push(...(await this.relinkOrPromote(store, graph, current, at)));
      }
    }
    if (current.status !== failStatus || current.flapping !== flapping) {
      const key = `status:${current.id}:${failStatus}:${flapping ? 'flap' : 'steady'}:${at}`;
      if (current.status !== failStatus)
        await store.addEvent(
          event(current.id, 'status_changed', at, { from: current.status, to: failStatus }, key),
        );
      if (current.flapping !== flapping)
        await store.addEvent(event(current.id, 'flapping_changed', at, { flapping }, `${key}:flapping`));
      // Worse than when it opened: a policy that filters by severity may alert it only now.
      const severity = incidentSeverity(system.tier, failStatus);
      if (INCIDENT_SEVERITIES.indexOf(severity) < INCIDENT_SEVERITIES.indexOf(current.severity))
        await store.addAlertIntent({ incidentId: current.id, transition: 'worsened', at });
      await store.updateIncident(current.id, {
        status: failStatus,
        severity,
        flapping,
        lastFailureAt: at,
        // The title names the status ("partial outage"); it follows an escalation.
        title: incidentTitle(system, failStatus, flapping),
        failureKind,
        ...(cause ? { cause } : {}),
      });
    } else if (current === latest) {
      await store.updateIncident(current.id, { lastFailureAt: at, ...(cause ? { cause } : {}) });
    }
    changes.push({ type: 'updated', incident: await this.must(store, current.id) });
    return changes;
  }

  private async open(
    store: IncidentStore,
    graph: SystemGraph,
    system: SystemRef,
    failure: {
      status: PublicStatus;
      flapping: boolean;
      at: number;
      failureKind: IncidentFailureKind;
      cause: IncidentCause | null;
      firstFailureAt: number;
    },
  ): Promise<IncidentChange[]> {
    const { status, flapping, at } = failure;
    const rootId = await this.openAncestorRoot(store, graph, system.id);
    const inserted = await store.insertIncident({
      systemId: system.id,
      agencyId: system.agencyId,
      kind: rootId === null ? 'root' : 'symptom',
      rootIncidentId: rootId,
      alertable: rootId === null,
      status,
      severity: incidentSeverity(system.tier, status),
      state: 'open',
      publicState: 'investigating',
      openedAt: at,
      acknowledgedAt: null,
      resolvedAt: null,
      recoveredAt: null,
      lastFailureAt: at,
      flapping,
      title: incidentTitle(system, status, flapping),
      openKey: `open:${system.id}:${at}`,
      failureKind: failure.failureKind,
      cause: failure.cause,
      confirmedAt: this.clock.now(),
      firstFailureAt: Math.min(failure.firstFailureAt, at),
    });
    if (!inserted) return [];
    const changes: IncidentChange[] = [];
    await store.addAlertIntent({ incidentId: inserted.id, transition: 'opened', at });
    await store.addEvent(
      event(inserted.id, 'state_changed', at, { to: 'open', status, flapping }, `${inserted.openKey}:opened`),
    );
    if (rootId !== null) {
      await store.addEvent(
        event(
          inserted.id,
          'linked_to_root',
          at,
          { root_incident_id: rootId },
          `${inserted.openKey}:linked:${rootId}`,
        ),
      );
    } else {
      changes.push(...(await this.adoptDescendants(store, graph, inserted, at)));
    }
    changes.unshift({ type: 'opened', incident: await this.must(store, inserted.id) });
    return changes;
  }

  /** True when an ancestor of the system has an incident that is open and not recovering. */
  async hasFailingAncestorIncident(tx: IncidentsTx, graph: SystemGraph, systemId: number): Promise<boolean> {
    return (await this.openAncestorRoot(tx.incidents, graph, systemId)) !== null;
  }

  /** True when the system has an incident that is not resolved. */
  async hasUnresolvedIncident(tx: IncidentsTx, systemId: number): Promise<boolean> {
    const latest = await tx.incidents.latestForSystem(systemId);
    return latest !== undefined && latest.state !== 'resolved';
  }

  /** The root incident of the nearest failing ancestor (breadth first, transitive), if any. */
  private async openAncestorRoot(
    store: IncidentStore,
    graph: SystemGraph,
    systemId: number,
  ): Promise<number | null> {
    const seen = new Set<number>([systemId]);
    let frontier = graph.system(systemId)?.dependsOn ?? [];
    while (frontier.length > 0) {
      const next: number[] = [];
      for (const id of frontier) {
        if (seen.has(id)) continue;
        seen.add(id);
        const inc = await store.latestForSystem(id);
        if (inc && inc.state !== 'resolved' && inc.recoveredAt === null)
          return inc.kind === 'root' ? inc.id : inc.rootIncidentId;
        next.push(...(graph.system(id)?.dependsOn ?? []));
      }
      frontier = next;
    }
    return null;
  }

  /** A new root takes the open roots of its descendants (and their symptoms) as its symptoms. */
  private async adoptDescendants(
    store: IncidentStore,
    graph: SystemGraph,
    root: IncidentRecord,
    at: number,
  ): Promise<IncidentChange[]> {
    const changes: IncidentChange[] = [];
    const seen = new Set<number>([root.systemId]);
    let frontier = graph.dependentsOf(root.systemId);
    while (frontier.length > 0) {
      const next: number[] = [];
      for (const id of frontier) {
        if (seen.has(id)) continue;
        seen.add(id);
        next.push(...graph.dependentsOf(id));
        const inc = await store.latestForSystem(id);
        if (!inc || inc.state === 'resolved' || inc.kind !== 'root') continue;
        const moved = [inc, ...(await store.openSymptomsOf(inc.id))];
        for (const m of moved) {
          await store.updateIncident(m.id, { kind: 'symptom', rootIncidentId: root.id, alertable: false });
          await store.addAlertIntent({ incidentId: m.id, transition: 'linked', at });
          await store.addEvent(
            event(m.id, 'linked_to_root', at, { root_incident_id: root.id }, `link:${m.id}:${root.id}:${at}`),
          );
          changes.push({ type: 'updated', incident: await this.must(store, m.id) });
        }
      }
      frontier = next;
    }
    return changes;
  }

  /** A symptom whose root is gone: link it to another failing ancestor's root, or make it a root. */
  private async relinkOrPromote(
    store: IncidentStore,
    graph: SystemGraph,
    symptom: IncidentRecord,
    at: number,
  ): Promise<IncidentChange[]> {
    const rootId = await this.openAncestorRoot(store, graph, symptom.systemId);
    if (rootId !== null && rootId !== symptom.rootIncidentId) {
      await store.updateIncident(symptom.id, { rootIncidentId: rootId });
      await store.addEvent(
        event(
          symptom.id,
          'linked_to_root',
          at,
          { root_incident_id: rootId },
          `link:${symptom.id}:${rootId}:${at}`,
        ),
      );
    } else if (rootId === null) {
      await store.updateIncident(symptom.id, { kind: 'root', rootIncidentId: null, alertable: true });
      await store.addAlertIntent({ incidentId: symptom.id, transition: 'promoted', at });
      await store.addEvent(
        event(
          symptom.id,
          'promoted_to_root',
          at,
          { previous_root_incident_id: symptom.rootIncidentId },
          `promote:${symptom.id}:${at}`,
        ),
      );
    } else {
      return [];
    }
    return [{ type: 'updated', incident: await this.must(store, symptom.id) }];
  }

  private async resolveIn(
    store: IncidentStore,
    graph: SystemGraph,
    incident: IncidentRecord,
    at: number,
    actor: string,
    key: string | null,
  ): Promise<IncidentChange[]> {
    if (
      !(await store.addEvent({
        incidentId: incident.id,
        kind: 'resolved',
        at,
        actor,
        data: {},
        idempotencyKey: key,
      }))
    )
      return [];
    await store.updateIncident(incident.id, { state: 'resolved', publicState: 'resolved', resolvedAt: at });
    await store.addAlertIntent({ incidentId: incident.id, transition: 'resolved', at });
    const changes: IncidentChange[] = [{ type: 'resolved', incident: await this.must(store, incident.id) }];
    for (const symptom of await store.openSymptomsOf(incident.id)) {
      // A symptom stays a symptom: one that has recovered resolves with its root, never promoted.
      if (symptom.recoveredAt !== null)
        changes.push(
          ...(await this.resolveIn(store, graph, symptom, at, actor, `resolve-with-root:${symptom.id}:${incident.id}`)),
        );
      else changes.push(...(await this.relinkOrPromote(store, graph, symptom, at)));
    }
    return changes;
  }

  /** Resolves the incidents whose system recovered at least a cooldown ago. */
  async sweep(): Promise<number> {
    const before = this.clock.now() - this.options.cooldownMs;
    const graceBefore = before - this.options.symptomGraceMs;
    const changes = await this.uow.run(async (tx) => {
      const due = await tx.incidents.recoveredBefore(before);
      if (due.length === 0) return [];
      const graph = await this.graphs.load();
      const out: IncidentChange[] = [];
      for (const inc of due) {
        const fresh = await tx.incidents.getIncident(inc.id, true);
        if (!fresh || fresh.state === 'resolved' || fresh.recoveredAt === null) continue;
        if (fresh.kind === 'root' && fresh.recoveredAt > graceBefore) {
          const symptoms = await tx.incidents.openSymptomsOf(fresh.id);
          // children recover a run or two after their parent: wait for them, within the grace
          if (symptoms.some((s) => s.recoveredAt === null)) continue;
        }
        out.push(
          ...(await this.resolveIn(
            tx.incidents,
            graph,
            fresh,
            fresh.recoveredAt,
            'sweep',
            `resolve:${fresh.id}:${fresh.recoveredAt}`,
          )),
        );
      }
      return out;
    }, { asLeader: true });
    this.publish(changes);
    return changes.filter((c) => c.type === 'resolved').length;
  }

  async acknowledge(id: number, actor: string): Promise<IncidentRecord> {
    return this.act(id, async (store, inc) => {
      if (inc.state === 'resolved') throw new IncidentStateError(`incident ${id} is resolved`);
      if (inc.state === 'acknowledged') return [];
      const at = this.clock.now();
      await store.addEvent(event(id, 'acknowledged', at, {}, null, actor));
      await store.updateIncident(id, { state: 'acknowledged', acknowledgedAt: at });
      return [{ type: 'updated', incident: await this.must(store, id) }];
    });
  }

  async resolve(id: number, actor: string): Promise<IncidentRecord> {
    return this.act(id, async (store, inc) => {
      if (inc.state === 'resolved') return [];
      return this.resolveIn(store, await this.graphs.load(), inc, this.clock.now(), actor, null);
    });
  }

  async addNote(id: number, text: string, actor: string): Promise<IncidentRecord> {
    return this.act(id, async (store) => {
      await store.addEvent(event(id, 'note', this.clock.now(), { text }, null, actor));
      return [];
    });
  }

  async addPublicUpdate(
    id: number,
    publicState: PublicIncidentState,
    text: LocalizedText,
    actor: string,
  ): Promise<IncidentRecord> {
    return this.act(id, async (store) => {
      await store.addEvent(
        event(id, 'public_update', this.clock.now(), { public_state: publicState, text }, null, actor),
      );
      await store.updateIncident(id, { publicState });
      return [{ type: 'updated', incident: await this.must(store, id) }];
    });
  }

  private async act(
    id: number,
    work: (store: IncidentStore, inc: IncidentRecord) => Promise<IncidentChange[]>,
  ): Promise<IncidentRecord> {
    const { changes, incident } = await this.uow.run(async (tx) => {
      const inc = await tx.incidents.getIncident(id, true);
      if (!inc) throw new IncidentNotFoundError(id);
      const changes = await work(tx.incidents, inc);
      return { changes, incident: await this.must(tx.incidents, id) };
    });
    this.publish(changes);
    return incident;
  }

  private async must(store: IncidentStore, id: number): Promise<IncidentRecord> {
    const inc = await store.getIncident(id);
    if (!inc) throw new IncidentNotFoundError(id);
    return inc;
  }
}

function event(
  incidentId: number,
  kind: Parameters<IncidentStore['addEvent']>[0]['kind'],
  at: number,
  data: Record<string, unknown>,
  idempotencyKey: string | null,
  actor = 'detector',
) {
  return { incidentId, kind, at, actor, data, idempotencyKey };
}
