import { createHash } from 'node:crypto';
import type { AgencyContact } from '@kuzet/contracts';
import type { AlertContent, AlertIncident } from './channels/notification-channel';
import type { AgencyPolicy, IncidentSnapshot, NewOutboxRow, PendingIntent } from './notification-records';
import { escalationContacts, recipientOf, recipientsFor } from './notification-routing';
import { quietHoursEnd } from './quiet-hours';

// Pure: what the grouper and the escalation sweep write. One message per recipient per kind,
// listing every incident routed to that recipient.

export interface ComposeContext {
  agency: AgencyPolicy;
  now: number;
  boardUrl: (incidentId: number) => string;
  /** "<channel> <address>" of endpoints a receiver disabled (HTTP 410). */
  disabled: ReadonlySet<string>;
}

export interface FlushResult {
  rows: NewOutboxRow[];
  /** Incidents now alerted (a firing message was written). */
  alerted: number[];
  /** Symptoms whose agency got its informational line. */
  informed: number[];
  /** Alerted incidents whose resolution was written: no longer alerted. */
  cleared: number[];
}

// 'worsened': an incident a severity filter held back may be alerted once it is worse.
const FIRING_TRANSITIONS = new Set(['opened', 'reopened', 'promoted', 'worsened']);

export function alertIncident(s: IncidentSnapshot, boardUrl: (id: number) => string): AlertIncident {
  return {
    incidentId: s.id,
    systemCode: s.systemCode,
    systemName: s.systemName,
    agencyCode: s.agencyCode,
    severity: s.severity,
    status: s.state,
    cause: s.cause,
    startedAt: s.openedAt,
    resolvedAt: s.resolvedAt,
    boardUrl: boardUrl(s.id),
    alsoAffected: s.alsoAffected,
  };
}

/** Stable per (kind, level, incidents and their transitions, channel, recipient); the webhook-id. */
export function idempotencyKey(parts: readonly (string | number)[]): string {
  return `ntf_${createHash('sha256').update(parts.join('|')).digest('hex').slice(0, 32)}`;
}

/**
 * One message of `kind` per contact, over the incidents routed to it. `route` picks a contact's
 * incidents; `discriminator` tells two messages about the same incidents apart (the transitions).
 */
export function messagesFor(
  ctx: ComposeContext,
  kind: AlertContent['kind'],
  level: number,
  incidents: readonly IncidentSnapshot[],
  contacts: readonly AgencyContact[],
  route: (contact: AgencyContact, incident: IncidentSnapshot) => boolean,
  discriminator: string,
): NewOutboxRow[] {
  const rows: NewOutboxRow[] = [];
  for (const contact of contacts) {
    const r = recipientOf(contact);
    if (ctx.disabled.has(`${r.channel} ${r.address}`)) continue;
    const mine = incidents.filter((i) => route(contact, i));
    if (mine.length === 0) continue;
    const ids = mine.map((i) => i.id).sort((a, b) => a - b);
    const critical = mine.some((i) => i.severity === 'sev1');
    // Quiet hours hold back everything but SEV1 until they end (never drop it).
    const quietEnd = !critical && contact.quiet_hours ? quietHoursEnd(contact.quiet_hours, ctx.now) : null;
    const content: AlertContent = {
      kind,
      agencyCode: ctx.agency.code,
      agencyName: ctx.agency.name,
      incidents: mine.map((i) => alertIncident(i, ctx.boardUrl)),
      level,
    };
    rows.push({
      idempotencyKey: idempotencyKey([kind, level, ids.join(','), discriminator, r.channel, r.address]),
      agencyId: ctx.agency.id,
      kind,
      level,
      incidentIds: ids,
      channel: r.channel,
      recipient: r.address,
      language: r.language,
      payload: { content },
      nextAttemptAt: quietEnd ?? ctx.now,
      createdAt: ctx.now,
    });
  }
  return rows;
}

/** Whether the agency's policy sends an incident to a contact. */
function routedTo(agency: AgencyPolicy): (contact: AgencyContact, incident: IncidentSnapshot) => boolean {
  return (c, i) =>
    recipientsFor(agency.policy, agency.contacts, { systemCode: i.systemCode, severity: i.severity }).includes(c);
}

/**
 * A group flush: the agency's pending intents, judged by each incident's state NOW (so a system
 * that became a symptom during the group wait is folded under its root, and one that opened and
 * resolved within it is never told at all).
 */
export function composeFlush(
  ctx: ComposeContext,
  intents: readonly PendingIntent[],
  incidents: ReadonlyMap<number, IncidentSnapshot>,
): FlushResult {
  const firing = new Map<number, IncidentSnapshot>();
  const resolved = new Map<number, IncidentSnapshot>();
  const informational = new Map<number, IncidentSnapshot>();
  for (const intent of intents) {
    const s = incidents.get(intent.incidentId);
    if (!s) continue;
    if (FIRING_TRANSITIONS.has(intent.transition)) {
      if (s.kind === 'root' && s.alertable && s.state !== 'resolved' && !s.alerted) firing.set(s.id, s);
    }
    if (intent.transition === 'resolved' && s.alerted && s.state === 'resolved') resolved.set(s.id, s);
    // A symptom of another agency's root: its own agency gets one line, not an alert.
    if (
      s.kind === 'symptom' &&
      s.state !== 'resolved' &&
      !s.informed &&
      s.rootAgencyId !== null &&
      s.rootAgencyId !== s.agencyId
    )
      informational.set(s.id, s);
  }
  const { agency } = ctx;
  const routed = routedTo(agency);
  const tag = (m: Map<number, IncidentSnapshot>, t: string) => `${t}:${[...m.keys()].join(',')}@${ctx.now}`;
  const sorted = (m: Map<number, IncidentSnapshot>) => [...m.values()].sort((a, b) => a.id - b.id);
  const firingRows = messagesFor(ctx, 'firing', 0, sorted(firing), agency.contacts, routed, tag(firing, 'firing'));
  const infoRows = messagesFor(
    ctx,
    'informational',
    0,
    sorted(informational),
    agency.contacts,
    routed,
    tag(informational, 'informational'),
  );
  // Told = in some message: one the policy kept from everyone (muted, below min_severity) is not,
  // so it may still be alerted once worse, and is neither escalated nor "resolved".
  const told = (rows: NewOutboxRow[]) => [...new Set(rows.flatMap((r) => r.incidentIds))].sort((a, b) => a - b);
  return {
    rows: [
      ...firingRows,
      ...messagesFor(ctx, 'resolved', 0, sorted(resolved), agency.contacts, routed, tag(resolved, 'resolved')),
      ...infoRows,
    ],
    alerted: told(firingRows),
    informed: told(infoRows),
    cleared: [...resolved.keys()],
  };
}

/**
 * A reminder of the agency's alerted, unresolved incidents, once `repeat_interval` has passed
 * since the group last sent anything (null: not due, or nothing to remind of).
 */
export function composeRepeat(
  ctx: ComposeContext,
  lastFlushedAt: number | null,
  open: readonly IncidentSnapshot[],
): NewOutboxRow[] | null {
  const { agency } = ctx;
  if (open.length === 0 || lastFlushedAt === null) return null;
  if (ctx.now < lastFlushedAt + agency.policy.repeat_interval * 1000) return null;
  const sorted = [...open].sort((a, b) => a.id - b.id);
  return messagesFor(ctx, 'repeat', 0, sorted, agency.contacts, routedTo(agency), `repeat@${ctx.now}`);
}

/** An alerted incident still unacknowledged, with when it was alerted and the levels told so far. */
export interface EscalationCandidate {
  incident: IncidentSnapshot;
  alertedAt: number;
  levelsTold: ReadonlySet<number>;
}

/** Messages to the escalation levels that became due, one per level and recipient. */
export function composeEscalations(
  ctx: ComposeContext,
  candidates: readonly EscalationCandidate[],
): { rows: NewOutboxRow[]; told: { incidentId: number; level: number }[] } {
  const { policy, contacts } = ctx.agency;
  const rows: NewOutboxRow[] = [];
  const told: { incidentId: number; level: number }[] = [];
  policy.escalation.forEach((step, index) => {
    const level = index + 1;
    const due = candidates
      .filter((c) => !c.levelsTold.has(level) && ctx.now >= c.alertedAt + step.after * 1000)
      .map((c) => c.incident)
      .sort((a, b) => a.id - b.id);
    if (due.length === 0) return;
    const levelContacts = escalationContacts(policy, contacts, level);
    rows.push(...messagesFor(ctx, 'escalation', level, due, levelContacts, () => true, `escalation:${level}`));
    told.push(...due.map((i) => ({ incidentId: i.id, level })));
  });
  return { rows, told };
}
