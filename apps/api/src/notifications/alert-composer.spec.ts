import { AgencyContact, notificationPolicySchema, NotificationPolicyInput } from '@kuzet/contracts';
import { ComposeContext, composeEscalations, composeFlush, composeRepeat } from './alert-composer';
import { groupFlushAt } from './group-timing';
import type { AgencyPolicy, IncidentSnapshot, PendingIntent } from './notification-records';
import { quietHoursEnd } from './quiet-hours';
import { retryDelayMs } from './retry-backoff';

// 2026-01-05 12:00 Asia/Almaty (UTC+5)
const NOW = Date.UTC(2026, 0, 5, 7, 0, 0);
const name = (s: string) => ({ kk: `${s}-kk`, ru: `${s}-ru`, en: s });

const contacts: AgencyContact[] = [
  { kind: 'email', address: 'duty@nit.kz', name: 'duty', language: 'ru' },
  { kind: 'webhook', url: 'https://hooks.nit.kz/kuzet', name: 'hook', language: 'en' },
  { kind: 'telegram', chat_id: '-100', name: 'head', language: 'kk' },
];

function agency(policy: NotificationPolicyInput = {}, id = 1): AgencyPolicy {
  return { id, code: `agency-${id}`, name: name(`agency-${id}`), contacts, policy: notificationPolicySchema.parse(policy) };
}

function ctx(a: AgencyPolicy, now = NOW): ComposeContext {
  return { agency: a, now, boardUrl: (id) => `https://kuzet.kz/board?incident=${id}`, disabled: new Set() };
}

function snap(id: number, over: Partial<IncidentSnapshot> = {}): IncidentSnapshot {
  return {
    id,
    systemCode: `sys-${id}`,
    systemName: name(`sys-${id}`),
    agencyId: 1,
    agencyCode: 'agency-1',
    kind: 'root',
    rootIncidentId: null,
    rootAgencyId: null,
    alertable: true,
    severity: 'sev2',
    state: 'open',
    cause: null,
    openedAt: NOW - 60_000,
    resolvedAt: null,
    alerted: false,
    informed: false,
    alsoAffected: [],
    ...over,
  };
}

const intent = (incidentId: number, transition: PendingIntent['transition'] = 'opened'): PendingIntent => ({
  id: incidentId * 10 + transition.length,
  incidentId,
  transition,
  at: NOW,
});
const byId = (list: IncidentSnapshot[]) => new Map(list.map((s) => [s.id, s]));

describe('composeFlush (grouping)', () => {
  it('40 failing systems of one agency: one message per contact listing all 40', () => {
    const list = Array.from({ length: 40 }, (_, i) => snap(i + 1));
    const r = composeFlush(ctx(agency()), list.map((s) => intent(s.id)), byId(list));
    expect(r.rows.map((x) => `${x.kind} ${x.channel}`)).toEqual(['firing email', 'firing webhook', 'firing telegram']);
    for (const row of r.rows) expect(row.incidentIds).toHaveLength(40);
    expect(r.alerted).toHaveLength(40);
    expect(new Set(r.rows.map((x) => x.idempotencyKey)).size).toBe(3);
  });

  it('judges incidents as they are now: a symptom is folded, one resolved meanwhile is not told', () => {
    const root = snap(1, { alsoAffected: [{ systemCode: 'sys-2', systemName: name('sys-2'), agencyCode: 'agency-1' }] });
    const folded = snap(2, { kind: 'symptom', rootIncidentId: 1, rootAgencyId: 1, alertable: false });
    const gone = snap(3, { state: 'resolved', resolvedAt: NOW });
    const r = composeFlush(ctx(agency()), [intent(1), intent(2), intent(3), intent(3, 'resolved')], byId([root, folded, gone]));
    expect(r.rows.every((x) => x.kind === 'firing' && x.incidentIds.join() === '1')).toBe(true);
    expect(r.rows[0].payload).toMatchObject({ content: { incidents: [{ alsoAffected: [{ systemCode: 'sys-2' }] }] } });
    expect(r.cleared).toEqual([]);
  });

  it("a symptom of another agency's root gives its own agency an informational line, once", () => {
    const sym = snap(5, { kind: 'symptom', rootIncidentId: 9, rootAgencyId: 2, alertable: false });
    const r = composeFlush(ctx(agency()), [intent(5), intent(5, 'linked')], byId([sym]));
    expect(r.rows.map((x) => x.kind)).toEqual(['informational', 'informational', 'informational']);
    expect(r.informed).toEqual([5]);
    expect(composeFlush(ctx(agency()), [intent(5)], byId([{ ...sym, informed: true }])).rows).toEqual([]);
  });

  it('a resolution only for alerted incidents, with both times for the duration', () => {
    const told = snap(1, { state: 'resolved', alerted: true, resolvedAt: NOW });
    const never = snap(2, { state: 'resolved', resolvedAt: NOW });
    const r = composeFlush(ctx(agency()), [intent(1, 'resolved'), intent(2, 'resolved')], byId([told, never]));
    expect(r.rows.map((x) => x.incidentIds)).toEqual([[1], [1], [1]]);
    expect(r.rows[0].payload).toMatchObject({ content: { kind: 'resolved', incidents: [{ startedAt: NOW - 60_000, resolvedAt: NOW }] } });
    expect(r.cleared).toEqual([1]);
  });

  it('routes by severity and system overrides, min_severity, and skips disabled endpoints', () => {
    const a = agency({
      min_severity: 'sev3',
      severities: { sev3: { contacts: ['duty'] } },
      systems: { 'sys-2': { mute: true } },
    });
    const list = [snap(1, { severity: 'sev1' }), snap(2), snap(3, { severity: 'sev3' }), snap(4, { severity: 'sev4' })];
    const c = { ...ctx(a), disabled: new Set(['webhook https://hooks.nit.kz/kuzet']) };
    const r = composeFlush(c, list.map((s) => intent(s.id)), byId(list));
    expect(r.rows.map((x) => `${x.channel}:${x.incidentIds.join(',')}`)).toEqual(['email:1,3', 'telegram:1']);
    // Muted or below min_severity: not alerted, so a worsening may still alert it.
    expect(r.alerted).toEqual([1, 3]);
    const worse = snap(4, { severity: 'sev2' });
    expect(composeFlush(c, [intent(4, 'worsened')], byId([worse])).rows.map((x) => `${x.channel}:${x.incidentIds.join(',')}`)).toEqual([
      'email:4',
      'telegram:4',
    ]);
  });

  it('holds non-critical alerts during quiet hours until they end; SEV1 goes at once', () => {
    const quiet: AgencyContact[] = [{ kind: 'email', address: 'q@nit.kz', language: 'en', quiet_hours: { from: '11:00', to: '13:30' } }];
    const a = { ...agency(), contacts: quiet };
    const held = composeFlush(ctx(a), [intent(1)], byId([snap(1)]));
    expect(held.rows[0].nextAttemptAt).toBe(NOW + 90 * 60_000);
    const critical = composeFlush(ctx(a), [intent(1)], byId([snap(1, { severity: 'sev1' })]));
    expect(critical.rows[0].nextAttemptAt).toBe(NOW);
  });
});

describe('composeRepeat', () => {
  it('reminds of alerted, unresolved incidents once repeat_interval has passed since the last message', () => {
    const a = agency({ repeat_interval: '1h' });
    const open = [snap(2, { alerted: true }), snap(1, { alerted: true })];
    expect(composeRepeat(ctx(a), NOW - 3_599_000, open)).toBeNull();
    expect(composeRepeat(ctx(a), NOW - 3_600_000, [])).toBeNull();
    const rows = composeRepeat(ctx(a), NOW - 3_600_000, open)!;
    expect(rows.map((r) => `${r.kind} ${r.channel} ${r.incidentIds.join(',')}`)).toEqual([
      'repeat email 1,2',
      'repeat webhook 1,2',
      'repeat telegram 1,2',
    ]);
  });
});

describe('groupFlushAt', () => {
  const policy = { group_wait: 30, group_interval: 300 };
  it('waits group_wait after the first pending change, and group_interval after the last send', () => {
    expect(groupFlushAt({ firstPendingAt: null, lastFlushedAt: null }, policy)).toBeNull();
    expect(groupFlushAt({ firstPendingAt: NOW, lastFlushedAt: null }, policy)).toBe(NOW + 30_000);
    expect(groupFlushAt({ firstPendingAt: NOW, lastFlushedAt: NOW - 60_000 }, policy)).toBe(NOW + 240_000);
    expect(groupFlushAt({ firstPendingAt: NOW, lastFlushedAt: NOW - 3_600_000 }, policy)).toBe(NOW + 30_000);
  });
});

describe('composeEscalations (fake clock)', () => {
  const a = agency({ escalation: [{ after: '10m', contacts: ['head'] }, { after: '30m', contacts: ['duty', 'hook'] }] });
  const cand = (levels: number[] = []) => [{ incident: snap(1), alertedAt: NOW, levelsTold: new Set(levels) }];
  it('tells each level once its time has come, and never twice', () => {
    expect(composeEscalations(ctx(a, NOW + 9 * 60_000), cand()).rows).toEqual([]);
    const first = composeEscalations(ctx(a, NOW + 10 * 60_000), cand());
    expect(first.rows.map((r) => `${r.level} ${r.channel}`)).toEqual(['1 telegram']);
    expect(first.told).toEqual([{ incidentId: 1, level: 1 }]);
    expect(composeEscalations(ctx(a, NOW + 20 * 60_000), cand([1])).rows).toEqual([]);
    const second = composeEscalations(ctx(a, NOW + 31 * 60_000), cand([1]));
    expect(second.rows.map((r) => `${r.level} ${r.channel} ${r.kind}`)).toEqual(['2 email escalation', '2 webhook escalation']);
  });
});

describe('retryDelayMs', () => {
  const backoff = { baseMs: 1000, maxMs: 60_000 };
  it('doubles per attempt within [half, full], capped, never below Retry-After', () => {
    expect(retryDelayMs(1, backoff, undefined, () => 0)).toBe(500);
    expect(retryDelayMs(1, backoff, undefined, () => 1)).toBe(1000);
    expect(retryDelayMs(4, backoff, undefined, () => 1)).toBe(8000);
    expect(retryDelayMs(30, backoff, undefined, () => 1)).toBe(60_000);
    expect(retryDelayMs(1, backoff, 30_000, () => 0.5)).toBe(30_000);
    const spread = new Set(Array.from({ length: 20 }, () => retryDelayMs(5, backoff, undefined)));
    expect(spread.size).toBeGreaterThan(1);
  });
});

describe('quietHoursEnd', () => {
  it('handles windows within a day and across midnight (Asia/Almaty)', () => {
    expect(quietHoursEnd({ from: '13:00', to: '14:00' }, NOW)).toBeNull();
    expect(quietHoursEnd({ from: '22:00', to: '08:00' }, Date.UTC(2026, 0, 5, 18, 0, 0))).toBe(Date.UTC(2026, 0, 6, 3, 0, 0));
    expect(quietHoursEnd({ from: '22:00', to: '08:00' }, Date.UTC(2026, 0, 5, 1, 0, 0))).toBe(Date.UTC(2026, 0, 5, 3, 0, 0));
  });
});
