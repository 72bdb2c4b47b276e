import type { BoardEvent, BoardIncident, SystemStatusView } from '@kuzet/contracts/realtime/realtime-events';
import { BoardStore, keys } from './board-store';

const status = (system: string, s: SystemStatusView['status'], agency = 'mf'): SystemStatusView => ({
  system,
  agency,
  tier: 'critical',
  status: s,
  flapping: false,
  updated_at: '2026-11-26T10:00:00.000Z',
});
const incident = (id: number, patch: Partial<BoardIncident> = {}): BoardIncident => ({
  id,
  system: 'esf',
  agency: 'mf',
  kind: 'root',
  root_incident_id: null,
  alertable: true,
  status: 'major_outage',
  severity: 'sev1',
  state: 'open',
  public_state: 'investigating',
  opened_at: `2026-11-26T10:00:0${id % 10}.000Z`,
  acknowledged_at: null,
  resolved_at: null,
  recovered_at: null,
  last_failure_at: '2026-11-26T10:00:00.000Z',
  flapping: false,
  title: { kk: 'a', ru: 'b', en: 'c' },
  failure_kind: 'outage',
  phase: 'failing',
  cause: null,
  confirmed_at: null,
  first_failure_at: null,
  ...patch,
});
let seq = 0;
const event = <T extends BoardEvent['type']>(type: T, data: Extract<BoardEvent, { type: T }>['data']) =>
  ({ type, epoch: 'e1', seq: ++seq, at: '2026-11-26T10:00:00.000Z', data }) as BoardEvent;

function counting(store: BoardStore, key: string) {
  const calls = { n: 0 };
  store.subscribe(key, () => calls.n++);
  return calls;
}

describe('BoardStore', () => {
  it('keeps the list of problem systems, most urgent first, and tells its subscribers only when it moves', () => {
    const store = new BoardStore();
    store.applySnapshot({ epoch: 'e1', seq: 0, at: '', systems: [status('a', 'operational'), status('b', 'degraded_performance'), status('c', null)], incidents: [] });
    expect(store.problemSystems()).toEqual(['b']);
    const problems = counting(store, keys.problems);
    store.applyEvent(event('system.status', status('a', 'major_outage')));
    expect(store.problemSystems()).toEqual(['a', 'b']);
    expect(problems.n).toBe(1);
    // flapping or a new time changes the system, not its place in the list
    store.applyEvent(event('system.status', { ...status('a', 'major_outage'), flapping: true }));
    store.applyEvent(event('system.status', status('c', 'operational')));
    expect(problems.n).toBe(1);
    store.applyEvent(event('system.status', status('b', 'partial_outage')));
    expect(store.problemSystems()).toEqual(['a', 'b']);
    store.applyEvent(event('system.status', status('a', 'operational')));
    expect(store.problemSystems()).toEqual(['b']);
    expect(problems.n).toBe(2);
    store.applySnapshot({ epoch: 'e2', seq: 0, at: '', systems: [status('a', 'operational')], incidents: [] });
    expect(store.problemSystems()).toEqual([]);
    expect(problems.n).toBe(3);
  });

  it('notifies only the changed system (and its agency), not the other tiles', () => {
    const store = new BoardStore();
    store.applySnapshot({ epoch: 'e1', seq: 0, at: '', systems: [status('esf', 'operational'), status('egov-portal', 'operational', 'mdai')], incidents: [] });
    const esf = counting(store, keys.system('esf'));
    const portal = counting(store, keys.system('egov-portal'));
    const mf = counting(store, keys.agency('mf'));
    const list = counting(store, keys.incidentList);
    store.applyEvent(event('system.status', status('esf', 'major_outage')));
    expect(store.system('esf')?.status).toBe('major_outage');
    expect([esf.n, portal.n, mf.n, list.n]).toEqual([1, 0, 1, 0]);
    // the same state again (events are full-state, applying twice is a no-op)
    store.applyEvent(event('system.status', status('esf', 'major_outage')));
    expect(esf.n).toBe(1);
  });

  it('an acknowledgement re-renders that incident row only; a resolution reorders the list', () => {
    const store = new BoardStore();
    store.applySnapshot({ epoch: 'e1', seq: 0, at: '', systems: [], incidents: [incident(1), incident(2)] });
    expect(store.incidentList()).toEqual([2, 1]);
    const row1 = counting(store, keys.incident(1));
    const row2 = counting(store, keys.incident(2));
    const list = counting(store, keys.incidentList);
    store.applyEvent(event('incident.updated', incident(2, { state: 'acknowledged' })));
    expect([row1.n, row2.n, list.n]).toEqual([0, 1, 0]);
    store.applyEvent(event('incident.resolved', incident(2, { state: 'resolved' })));
    expect(store.incidentList()).toEqual([1, 2]);
    expect(store.activeCount()).toBe(1);
    expect(list.n).toBe(1);
  });

  it('orders roots before symptoms, then by severity, then newest', () => {
    const store = new BoardStore();
    store.applySnapshot({
      epoch: 'e1', seq: 0, at: '', systems: [],
      incidents: [incident(1, { severity: 'sev3' }), incident(2, { kind: 'symptom', root_incident_id: 1 }), incident(3, { severity: 'sev3' }), incident(4)],
    });
    expect(store.incidentList()).toEqual([4, 3, 1, 2]);
  });

  it('raises the alarm for a new active sev1 incident, not for the first load, updates or lesser ones', () => {
    const store = new BoardStore();
    const alarms: number[] = [];
    store.onNewCritical((i) => alarms.push(i.id));
    store.applySnapshot({ epoch: 'e1', seq: 0, at: '', systems: [], incidents: [incident(1)] });
    store.applyEvent(event('incident.opened', incident(2, { severity: 'sev2' })));
    store.applyEvent(event('incident.opened', incident(3)));
    store.applyEvent(event('incident.updated', incident(3, { state: 'acknowledged' })));
    store.applyEvent(event('incident.opened', incident(3)));
    // escalation of a known incident to sev1 rings once; a resolved one never
    store.applyEvent(event('incident.updated', incident(2, { severity: 'sev1' })));
    store.applyEvent(event('incident.updated', incident(2, { severity: 'sev1', flapping: true })));
    store.applyEvent(event('incident.opened', incident(5, { state: 'resolved' })));
    // missed while away: a later snapshot with a new sev1 incident rings too
    store.applySnapshot({ epoch: 'e1', seq: 9, at: '', systems: [], incidents: [incident(1), incident(3), incident(4)] });
    expect(alarms).toEqual([3, 2, 4]);
  });

  it('a snapshot drops active incidents it no longer lists and systems it no longer has', () => {
    const store = new BoardStore();
    store.applySnapshot({ epoch: 'e1', seq: 0, at: '', systems: [status('esf', 'operational'), status('old', 'operational')], incidents: [incident(1), incident(2)] });
    const gone = counting(store, keys.incident(2));
    store.applySnapshot({ epoch: 'e2', seq: 0, at: '', systems: [status('esf', 'operational')], incidents: [incident(1)] });
    expect(store.incidentList()).toEqual([1]);
    expect(store.incident(2)).toBeUndefined();
    expect(store.system('old')).toBeUndefined();
    expect(gone.n).toBe(1);
  });

  it('keeps result summaries and scores per key, and stops notifying after unsubscribe', () => {
    const store = new BoardStore();
    const calls = { n: 0 };
    const off = store.subscribe(keys.summary('esf'), () => calls.n++);
    const summary = { system: 'esf', agency: 'mf', up: 5, degraded: 0, down: 1, unknown: 0, latency_p50_ms: 40, latency_max_ms: 90 };
    store.applyEvent(event('results.summary', { from: '', to: '', systems: [summary] }));
    expect(store.summary('esf')).toEqual(summary);
    off();
    store.applyEvent(event('results.summary', { from: '', to: '', systems: [{ ...summary, up: 6 }] }));
    expect(calls.n).toBe(1);
    expect(store.listenerCount(keys.summary('esf'))).toBe(0);
    const before = store.version(keys.scores);
    store.applyEvent(event('score.updated', { agency: 'mf', score: 71, grade: 'C' }));
    expect(store.score('mf')?.grade).toBe('C');
    // The ranking and the agency's card refetch on these.
    expect(store.version(keys.scores)).toBe(before + 1);
    expect(store.version(keys.score('mf'))).toBe(1);
  });

  it('keeps national counts per status through snapshots and events', () => {
    const store = new BoardStore();
    store.applySnapshot({ epoch: 'e1', seq: 0, at: '', systems: [status('a', 'operational'), status('b', null), status('c', 'operational')], incidents: [] });
    expect(store.nationalCounts()).toEqual({ operational: 2, no_data: 1 });
    const counts = counting(store, keys.nationalCounts);
    store.applyEvent(event('system.status', status('b', 'major_outage')));
    store.applyEvent(event('system.status', { ...status('b', 'major_outage'), flapping: true }));
    expect(store.nationalCounts()).toEqual({ operational: 2, major_outage: 1 });
    expect(counts.n).toBe(1);
    store.applySnapshot({ epoch: 'e2', seq: 0, at: '', systems: [status('a', 'operational')], incidents: [] });
    expect(store.nationalCounts()).toEqual({ operational: 1 });
  });

  it('handles 2,000 systems: one status event notifies one tile listener out of 2,000', () => {
    const store = new BoardStore();
    const systems = Array.from({ length: 2000 }, (_, n) => status(`s${n}`, 'operational', `a${n % 50}`));
    store.applySnapshot({ epoch: 'e1', seq: 0, at: '', systems, incidents: [] });
    let notified = 0;
    for (const s of systems) store.subscribe(keys.system(s.system), () => notified++);
    store.applyEvent(event('system.status', status('s1234', 'partial_outage', 'a34')));
    expect(notified).toBe(1);
  });
});
