import type { AgencyView, SystemView } from '@kuzet/contracts/catalog/catalog-api.dto';
import type {
  BoardEvent,
  BoardIncident,
  BoardSnapshot,
  ScoreUpdate,
  SystemResultSummary,
  SystemStatusView,
} from '@kuzet/contracts/realtime/realtime-events';
import type { BoardStreamSink } from '../../realtime/board-stream-sync';
import { compareIncidents, isCritical } from '../model/incident-order';
import { problemRank, problemSystems } from '../model/problem-systems';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline';

/** Store keys: one per entity, plus a few list keys whose value changes only with membership. */
export const keys = {
  system: (code: string) => `system:${code}`,
  summary: (code: string) => `summary:${code}`,
  incident: (id: number) => `incident:${id}`,
  agency: (code: string) => `agency:${code}`,
  score: (agency: string) => `score:${agency}`,
  /** Any agency's score changed (views that list every agency refetch). */
  scores: 'scores',
  incidentList: 'incidents',
  nationalCounts: 'national-counts',
  /** The systems with a problem, most urgent first (changes only with membership or order). */
  problems: 'problems',
  catalog: 'catalog',
  connection: 'connection',
} as const;

type Listener = () => void;

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);
const isActive = (i: BoardIncident) => i.state !== 'resolved';

/**
 * The board's state with per-key subscriptions: an event about one system notifies that system's
 * tile (and its agency's header), never the whole grid. Values are replaced, never mutated, so
 * useSyncExternalStore sees a change by identity. No DOM here: unit-tested in node.
 */
export class BoardStore implements BoardStreamSink {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly versions = new Map<string, number>();
  private readonly statuses = new Map<string, SystemStatusView>();
  private readonly summaries = new Map<string, SystemResultSummary>();
  private readonly incidents = new Map<number, BoardIncident>();
  private readonly scores = new Map<string, ScoreUpdate>();
  private incidentIds: readonly number[] = [];
  private active = 0;
  private counts: Readonly<Record<string, number>> = {};
  private problemCodes: readonly string[] = [];
  private problemsStale = false;
  private catalogValue: { agencies: AgencyView[]; systems: SystemView[] } = { agencies: [], systems: [] };
  private connectionValue: ConnectionState = 'connecting';
  private initialised = false;
  private readonly alarmListeners = new Set<(incident: BoardIncident) => void>();

  subscribe(key: string, listener: Listener): () => void {
    let set = this.listeners.get(key);
    if (!set) this.listeners.set(key, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(key);
    };
  }

  /** Called when an unresolved incident is new to this client or escalates, and is critical (never on the first load). */
  onNewCritical(listener: (incident: BoardIncident) => void): () => void {
    this.alarmListeners.add(listener);
    return () => this.alarmListeners.delete(listener);
  }

  listenerCount(key: string): number {
    return this.listeners.get(key)?.size ?? 0;
  }

  system = (code: string): SystemStatusView | undefined => this.statuses.get(code);
  summary = (code: string): SystemResultSummary | undefined => this.summaries.get(code);
  incident = (id: number): BoardIncident | undefined => this.incidents.get(id);
  score = (agency: string): ScoreUpdate | undefined => this.scores.get(agency);
  /** How many of incidentList() (its head) are not resolved. */
  activeCount = (): number => this.active;
  /** Ids of every known incident, most urgent first (active before resolved, then severity, then newest). */
  incidentList = (): readonly number[] => this.incidentIds;
  statusesOf = (codes: readonly string[]) => codes.map((c) => this.statuses.get(c)?.status ?? null);
  activeIncidentsOf = (agency: string): BoardIncident[] =>
    [...this.incidents.values()].filter((i) => i.agency === agency && isActive(i)).sort(compareIncidents);
  catalog = () => this.catalogValue;
  /** Systems per status (null status counted as 'no_data'), replaced on every change. */
  nationalCounts = (): Readonly<Record<string, number>> => this.counts;
  connection = (): ConnectionState => this.connectionValue;
  /** Codes of the systems with a problem (outage, degradation, maintenance), most urgent first. */
  problemSystems = (): readonly string[] => this.problemCodes;

  setCatalog(agencies: AgencyView[], systems: SystemView[]): void {
    this.catalogValue = { agencies, systems };
    this.notify(keys.catalog);
  }

  setConnection(state: ConnectionState): void {
    if (state === this.connectionValue) return;
    this.connectionValue = state;
    this.notify(keys.connection);
  }

  applySnapshot(snapshot: BoardSnapshot): void {
    const changed = new Set<string>();
    const seenSystems = new Set<string>();
    for (const s of snapshot.systems) {
      seenSystems.add(s.system);
      this.putStatus(s, changed);
    }
    for (const code of [...this.statuses.keys()])
      if (!seenSystems.has(code)) {
        const gone = this.statuses.get(code)!;
        this.statuses.delete(code);
        changed.add(keys.system(code)).add(keys.agency(gone.agency));
        this.recount(gone.status, undefined, true, changed);
        this.problemsStale = true;
      }
    this.refreshProblems(changed);
    const seenIncidents = new Set<number>();
    for (const i of snapshot.incidents) {
      seenIncidents.add(i.id);
      this.putIncident(i, changed);
    }
    // Incidents the snapshot no longer lists were resolved (or moved out of our rooms) while away.
    for (const [id, i] of this.incidents)
      if (!seenIncidents.has(id) && isActive(i)) {
        this.incidents.delete(id);
        changed.add(keys.incident(id));
      }
    this.initialised = true;
    this.reorder(changed);
    for (const k of changed) this.notify(k);
  }

  applyEvent(event: BoardEvent): void {
    const changed = new Set<string>();
    switch (event.type) {
      case 'incident.opened':
      case 'incident.updated':
      case 'incident.resolved':
        this.putIncident(event.data, changed);
        this.reorder(changed);
        break;
      case 'system.status':
        this.putStatus(event.data, changed);
        this.refreshProblems(changed);
        break;
      case 'results.summary':
        for (const s of event.data.systems)
          if (!same(this.summaries.get(s.system), s)) {
            this.summaries.set(s.system, s);
            changed.add(keys.summary(s.system));
          }
        break;
      case 'score.updated':
        this.scores.set(event.data.agency, event.data);
        changed.add(keys.score(event.data.agency)).add(keys.scores);
        break;
    }
    for (const k of changed) this.notify(k);
  }

  private putStatus(s: SystemStatusView, changed: Set<string>): void {
    const before = this.statuses.get(s.system);
    if (same(before, s)) return;
    this.statuses.set(s.system, s);
    changed.add(keys.system(s.system)).add(keys.agency(s.agency));
    if (before?.status !== s.status || !before) this.recount(before?.status, s.status, before !== undefined, changed);
    if (problemRank(before?.status) !== problemRank(s.status) || (before?.tier !== s.tier && problemRank(s.status) !== problemRank(null)))
      this.problemsStale = true;
  }

  /** Rebuilds the problem list after a change of some system's urgency; tells its subscribers only if it moved. */
  private refreshProblems(changed: Set<string>): void {
    if (!this.problemsStale) return;
    this.problemsStale = false;
    const next = problemSystems(this.statuses.values());
    const prev = this.problemCodes;
    if (next.length === prev.length && next.every((c, n) => c === prev[n])) return;
    this.problemCodes = next;
    changed.add(keys.problems);
  }

  private recount(from: string | null | undefined, to: string | null | undefined, hadBefore: boolean, changed: Set<string>): void {
    const next = { ...this.counts };
    if (hadBefore) next[from ?? 'no_data'] = (next[from ?? 'no_data'] ?? 1) - 1;
    if (to !== undefined) next[to ?? 'no_data'] = (next[to ?? 'no_data'] ?? 0) + 1;
    for (const k of Object.keys(next)) if (next[k] <= 0) delete next[k];
    this.counts = next;
    changed.add(keys.nationalCounts);
  }

  private putIncident(i: BoardIncident, changed: Set<string>): void {
    const before = this.incidents.get(i.id);
    if (same(before, i)) return;
    this.incidents.set(i.id, i);
    changed.add(keys.incident(i.id)).add(keys.agency(i.agency));
    // New to this client, or escalated to critical: either is news a duty officer must hear.
    if (this.initialised && isCritical(i) && isActive(i) && (!before || !isCritical(before)))
      for (const l of this.alarmListeners) l(i);
  }

  /** Rebuilds the id list; list subscribers are told only when the order or membership changed. */
  private reorder(changed: Set<string>): void {
    const sorted = [...this.incidents.values()].sort(compareIncidents);
    const next = sorted.map((i) => i.id);
    const active = sorted.filter(isActive).length;
    const prev = this.incidentIds;
    if (active === this.active && next.length === prev.length && next.every((id, n) => id === prev[n])) return;
    this.incidentIds = next;
    this.active = active;
    changed.add(keys.incidentList);
  }

  /** Grows by one on every change of the key: for views that derive from many entities (agency headings). */
  version = (key: string): number => this.versions.get(key) ?? 0;

  private notify(key: string): void {
    this.versions.set(key, (this.versions.get(key) ?? 0) + 1);
    const set = this.listeners.get(key);
    if (set) for (const l of [...set]) l();
  }
}
