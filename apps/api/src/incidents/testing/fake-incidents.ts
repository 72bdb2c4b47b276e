// In-memory stand-ins for the incidents' side effects, for unit tests of the incidents and the detector.
import { DetectionClock } from '../../detection/detection-clock';
import { IncidentEvents } from '../incident-events.service';
import { alertIntentKey } from '../incident-record';
import type {
  IncidentEventRecord,
  IncidentRecord,
  NewAlertIntent,
  NewIncident,
  NewIncidentEvent,
  SystemRef,
} from '../incident-record';
import type { IncidentStore, IncidentsTx, StatusHistoryEntry } from '../incident-store';
import type { IncidentsUnitOfWork } from '../incidents-unit-of-work';
import { DEFAULT_INCIDENTS_OPTIONS, IncidentsOptions } from '../incidents.options';
import { IncidentsService } from '../incidents.service';
import { InMemorySystemGraph, SystemGraphRepository } from '../system-graph.repository';

export class FakeIncidentStore implements IncidentStore {
  incidents: IncidentRecord[] = [];
  eventList: IncidentEventRecord[] = [];
  alertIntents: NewAlertIntent[] = [];
  state = new Map<string, unknown>();
  history: StatusHistoryEntry[] = [];

  async insertIncident(i: NewIncident): Promise<IncidentRecord | null> {
    if (this.incidents.some((x) => x.openKey === i.openKey)) return null;
    const rec = { ...i, id: this.incidents.length + 1 };
    this.incidents.push(rec);
    return { ...rec };
  }
  async updateIncident(id: number, patch: Partial<Omit<IncidentRecord, 'id'>>): Promise<void> {
    const i = this.incidents.findIndex((x) => x.id === id);
    const clean = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    this.incidents[i] = { ...this.incidents[i], ...clean };
  }
  async getIncident(id: number): Promise<IncidentRecord | undefined> {
    const i = this.incidents.find((x) => x.id === id);
    return i && { ...i };
  }
  async latestForSystem(systemId: number): Promise<IncidentRecord | undefined> {
    const list = this.incidents.filter((x) => x.systemId === systemId);
    const i = list.sort((a, b) => b.openedAt - a.openedAt || b.id - a.id)[0];
    return i && { ...i };
  }
  async openSymptomsOf(rootId: number): Promise<IncidentRecord[]> {
    return this.incidents
      .filter((x) => x.rootIncidentId === rootId && x.state !== 'resolved')
      .map((x) => ({ ...x }));
  }
  async recoveredBefore(before: number): Promise<IncidentRecord[]> {
    return this.incidents
      .filter((x) => x.state !== 'resolved' && x.recoveredAt !== null && x.recoveredAt <= before)
      .map((x) => ({ ...x }));
  }
  async addEvent(e: NewIncidentEvent): Promise<boolean> {
    if (e.idempotencyKey !== null && this.eventList.some((x) => x.idempotencyKey === e.idempotencyKey))
      return false;
    this.eventList.push({ ...e, id: this.eventList.length + 1 });
    return true;
  }
  async events(incidentId: number): Promise<IncidentEventRecord[]> {
    return this.eventList.filter((e) => e.incidentId === incidentId);
  }
  async addAlertIntent(intent: NewAlertIntent): Promise<void> {
    if (!this.alertIntents.some((x) => alertIntentKey(x) === alertIntentKey(intent))) this.alertIntents.push(intent);
  }
  kinds(incidentId: number): string[] {
    return this.eventList.filter((e) => e.incidentId === incidentId).map((e) => e.kind);
  }
}

export class FakeClock extends DetectionClock {
  constructor(public t = Date.UTC(2026, 0, 5, 10, 0, 0)) {
    super();
  }
  override now(): number {
    return this.t;
  }
}

/** A unit of work over the fake store; `failNext` makes the next run throw after its work (rollback is the caller's test). */
export function fakeUnitOfWork(store: FakeIncidentStore): IncidentsUnitOfWork & { runs: number } {
  const uow = {
    runs: 0,
    async run<T>(work: (tx: IncidentsTx) => Promise<T>): Promise<T> {
      uow.runs++;
      return work({
        incidents: store,
        detectorState: {
          save: async (entries) => {
            for (const e of entries) store.state.set(e.key, JSON.parse(JSON.stringify(e.state)));
          },
        },
        statusHistory: {
          record: async (entries) => {
            store.history.push(...entries);
          },
        },
      });
    },
  };
  return uow as unknown as IncidentsUnitOfWork & { runs: number };
}

export function systemRef(
  id: number,
  code: string,
  dependsOn: number[] = [],
  tier: SystemRef['tier'] = 'critical',
): SystemRef {
  return {
    id,
    code,
    agencyId: 1,
    agencyCode: 'nit',
    tier,
    names: { kk: `${code}-kk`, ru: `${code}-ru`, en: `${code}-en` },
    dependsOn,
  };
}

export interface IncidentsHarness {
  store: FakeIncidentStore;
  clock: FakeClock;
  graph: InMemorySystemGraph;
  events: IncidentEvents;
  service: IncidentsService;
  uow: IncidentsUnitOfWork & { runs: number };
}

export function incidentsHarness(
  systems: SystemRef[],
  options: Partial<IncidentsOptions> = {},
): IncidentsHarness {
  const store = new FakeIncidentStore();
  const clock = new FakeClock();
  const graph = new InMemorySystemGraph(systems);
  const events = new IncidentEvents();
  const uow = fakeUnitOfWork(store);
  const graphs = { load: async () => graph } as unknown as SystemGraphRepository;
  const service = new IncidentsService(uow, graphs, clock, events, {
    ...DEFAULT_INCIDENTS_OPTIONS,
    ...options,
  });
  return { store, clock, graph, events, service, uow };
}
