import type { BoardEvent, BoardIncident, BoardSnapshot } from '@kuzet/contracts/realtime/realtime-events';
import { BoardStreamSync, MAX_BUFFERED_EVENTS } from './board-stream-sync';

const incident = (id: number, state: BoardIncident['state'] = 'open'): BoardIncident => ({
  id,
  system: 'esf',
  agency: 'mf',
  kind: 'root',
  root_incident_id: null,
  alertable: true,
  status: 'major_outage',
  severity: 'sev1',
  state,
  public_state: 'investigating',
  opened_at: '2026-11-26T10:00:00.000Z',
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
});
const ev = (seq: number, epoch = 'e1', id = seq): BoardEvent => ({ type: 'incident.updated', epoch, seq, at: '2026-11-26T10:00:00.000Z', data: incident(id) });
const snapshot = (seq: number, epoch = 'e1'): BoardSnapshot => ({ epoch, seq, at: '2026-11-26T10:00:00.000Z', systems: [], incidents: [] });

function setup() {
  const applied: string[] = [];
  const sync = new BoardStreamSync({
    applySnapshot: (s) => applied.push(`snap:${s.epoch}:${s.seq}`),
    applyEvent: (e) => applied.push(`${e.epoch}:${e.seq}`),
  });
  return { sync, applied };
}

describe('BoardStreamSync', () => {
  it('asks for a snapshot on the first connect and for what it missed afterwards', () => {
    const { sync } = setup();
    expect(sync.beginSync()).toEqual({});
    sync.onSyncResponse({ mode: 'snapshot', snapshot: snapshot(7) });
    expect(sync.beginSync()).toEqual({ epoch: 'e1', last_seq: 7 });
    expect(sync.beginSync(true)).toEqual({});
  });

  it('buffers live events during a sync and applies only those newer than the snapshot, in order', () => {
    const { sync, applied } = setup();
    sync.beginSync();
    expect(sync.onLive(ev(12))).toBe('buffered');
    expect(sync.onLive(ev(9))).toBe('buffered');
    expect(sync.onLive(ev(11))).toBe('buffered');
    const r = sync.onSyncResponse({ mode: 'snapshot', snapshot: snapshot(10) });
    expect(r).toEqual({ applied: 2, resync: false });
    expect(applied).toEqual(['snap:e1:10', 'e1:11', 'e1:12']);
    expect(sync.position).toEqual({ epoch: 'e1', lastSeq: 12, syncing: false });
  });

  it('applies a replay oldest first, then the buffered events, each seq once', () => {
    const { sync, applied } = setup();
    sync.beginSync();
    sync.onSyncResponse({ mode: 'snapshot', snapshot: snapshot(3) });
    sync.beginSync();
    sync.onLive(ev(6));
    sync.onLive(ev(5));
    sync.onSyncResponse({ mode: 'replay', epoch: 'e1', events: [ev(5), ev(4)] });
    expect(applied).toEqual(['snap:e1:3', 'e1:4', 'e1:5', 'e1:6']);
  });

  it('drops duplicates and out-of-order live events (seq not above the last applied)', () => {
    const { sync, applied } = setup();
    sync.beginSync();
    sync.onSyncResponse({ mode: 'snapshot', snapshot: snapshot(1) });
    expect(sync.onLive(ev(2))).toBe('applied');
    expect(sync.onLive(ev(2))).toBe('duplicate');
    expect(sync.onLive(ev(1))).toBe('duplicate');
    // gaps are normal: a room sees a subset of the namespace's events
    expect(sync.onLive(ev(9))).toBe('applied');
    expect(sync.onLive(ev(8))).toBe('duplicate');
    expect(applied).toEqual(['snap:e1:1', 'e1:2', 'e1:9']);
  });

  it('asks for a fresh snapshot when a live event comes from another epoch, and keeps that event', () => {
    const { sync, applied } = setup();
    sync.beginSync();
    sync.onSyncResponse({ mode: 'snapshot', snapshot: snapshot(50) });
    expect(sync.onLive(ev(3, 'e2'))).toBe('resync');
    expect(applied).toEqual(['snap:e1:50']);
    expect(sync.beginSync(true)).toEqual({});
    sync.onSyncResponse({ mode: 'snapshot', snapshot: snapshot(2, 'e2') });
    expect(applied).toEqual(['snap:e1:50', 'snap:e2:2', 'e2:3']);
  });

  it('refuses to stack a replay of another epoch and asks for a snapshot', () => {
    const { sync, applied } = setup();
    sync.beginSync();
    sync.onSyncResponse({ mode: 'snapshot', snapshot: snapshot(5) });
    sync.beginSync();
    expect(sync.onSyncResponse({ mode: 'replay', epoch: 'e2', events: [ev(1, 'e2')] })).toEqual({ applied: 0, resync: true });
    expect(applied).toEqual(['snap:e1:5']);
  });

  it('keeps buffered events across an aborted sync and applies them after the next one', () => {
    const { sync, applied } = setup();
    sync.beginSync();
    sync.onLive(ev(4));
    sync.abortSync();
    sync.beginSync();
    sync.onSyncResponse({ mode: 'snapshot', snapshot: snapshot(3) });
    expect(applied).toEqual(['snap:e1:3', 'e1:4']);
  });

  it('bounds the buffer: too many missed events make the next sync ask for a snapshot', () => {
    const { sync, applied } = setup();
    sync.beginSync();
    sync.onSyncResponse({ mode: 'snapshot', snapshot: snapshot(1) });
    sync.beginSync();
    sync.abortSync();
    sync.beginSync();
    for (let seq = 2; seq <= MAX_BUFFERED_EVENTS + 5; seq++) sync.onLive(ev(seq));
    sync.abortSync();
    expect(sync.beginSync()).toEqual({});
    sync.onSyncResponse({ mode: 'snapshot', snapshot: snapshot(MAX_BUFFERED_EVENTS + 3) });
    expect(applied.slice(-3)).toEqual([`snap:e1:${MAX_BUFFERED_EVENTS + 3}`, `e1:${MAX_BUFFERED_EVENTS + 4}`, `e1:${MAX_BUFFERED_EVENTS + 5}`]);
  });
});
