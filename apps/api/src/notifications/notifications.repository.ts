import { notificationPolicySchema } from '@kuzet/contracts';
import type { AgencyContact, AlertSeverity, IncidentCause } from '@kuzet/contracts';
import type { SqlExecutor } from '../database/sql-executor';
import type { AlertTransition, IncidentKind, IncidentState } from '../incidents/incident-record';
import type { GroupTimes } from './group-timing';
import type { EscalationCandidate } from './alert-composer';
import {
  AgencyPolicy,
  IncidentSnapshot,
  INFORMED_LEVEL,
  NewOutboxRow,
  OutboxRecord,
  OutboxState,
  PendingIntent,
} from './notification-records';

const ms = (d: Date | string | null): number | null => (d === null ? null : new Date(d).getTime());
const at = (v: number) => new Date(v);

interface OutboxRow {
  id: string;
  idempotency_key: string;
  agency_id: number | null;
  kind: NewOutboxRow['kind'];
  level: number;
  incident_ids: string[];
  channel: NewOutboxRow['channel'];
  recipient: string;
  language: NewOutboxRow['language'];
  payload: NewOutboxRow['payload'];
  state: OutboxState;
  attempts: number;
  next_attempt_at: Date;
  give_up_at: Date;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
  ack_token: string | null;
}

export interface OutboxEntry extends OutboxRecord {
  giveUpAt: number;
}

function toOutbox(r: OutboxRow): OutboxEntry {
  return {
    id: Number(r.id),
    idempotencyKey: r.idempotency_key,
    agencyId: r.agency_id === null ? null : Number(r.agency_id),
    kind: r.kind,
    level: r.level,
    incidentIds: r.incident_ids.map(Number),
    channel: r.channel,
    recipient: r.recipient,
    language: r.language,
    payload: r.payload,
    state: r.state,
    attempts: r.attempts,
    nextAttemptAt: ms(r.next_attempt_at) as number,
    giveUpAt: ms(r.give_up_at) as number,
    lastError: r.last_error,
    createdAt: ms(r.created_at) as number,
    sentAt: ms(r.sent_at),
    ackToken: r.ack_token,
  };
}

interface SnapshotRow {
  id: string;
  system_code: string;
  name_kk: string;
  name_ru: string;
  name_en: string;
  agency_id: number;
  agency_code: string;
  kind: IncidentKind;
  root_incident_id: string | null;
  root_agency_id: number | null;
  alertable: boolean;
  severity: AlertSeverity;
  state: IncidentState;
  cause: IncidentCause | null;
  opened_at: Date;
  resolved_at: Date | null;
  alerted: boolean;
  informed: boolean;
  also_affected: { systemCode: string; systemName: { kk: string; ru: string; en: string }; agencyCode: string }[];
}

const SNAPSHOT_SQL = `
SELECT i.id, s.code AS system_code, s.name_kk, s.name_ru, s.name_en, i.agency_id, a.code AS agency_code,
       i.kind, i.root_incident_id, r.agency_id AS root_agency_id, i.alertable, i.severity, i.state, i.cause,
       i.opened_at, i.resolved_at,
       EXISTS (SELECT 1 FROM notification_alerted n WHERE n.incident_id = i.id AND n.level = 0) AS alerted,
       EXISTS (SELECT 1 FROM notification_alerted n WHERE n.incident_id = i.id AND n.level = ${INFORMED_LEVEL}) AS informed,
       COALESCE((SELECT json_agg(json_build_object(
                  'systemCode', ss.code,
                  'systemName', json_build_object('kk', ss.name_kk, 'ru', ss.name_ru, 'en', ss.name_en),
                  'agencyCode', sa.code) ORDER BY sym.id)
                  FROM incidents sym JOIN systems ss ON ss.id = sym.system_id JOIN agencies sa ON sa.id = sym.agency_id
                 WHERE sym.root_incident_id = i.id AND sym.state <> 'resolved'), '[]'::json) AS also_affected
  FROM incidents i
  JOIN systems s ON s.id = i.system_id
  JOIN agencies a ON a.id = i.agency_id
  LEFT JOIN incidents r ON r.id = i.root_incident_id`;

function toSnapshot(r: SnapshotRow): IncidentSnapshot {
  return {
    id: Number(r.id),
    systemCode: r.system_code,
    systemName: { kk: r.name_kk, ru: r.name_ru, en: r.name_en },
    agencyId: Number(r.agency_id),
    agencyCode: r.agency_code,
    kind: r.kind,
    rootIncidentId: r.root_incident_id === null ? null : Number(r.root_incident_id),
    rootAgencyId: r.root_agency_id === null ? null : Number(r.root_agency_id),
    alertable: r.alertable,
    severity: r.severity,
    state: r.state,
    cause: r.cause,
    openedAt: ms(r.opened_at) as number,
    resolvedAt: ms(r.resolved_at),
    alerted: r.alerted,
    informed: r.informed,
    alsoAffected: r.also_affected,
  };
}

/** The notifier's SQL, bound to one executor (a transaction or the pool). */
export class NotificationsRepository {
  constructor(private readonly sql: SqlExecutor) {}

  // --- grouping

  async agenciesWithPendingIntents(): Promise<number[]> {
    const rows = await this.sql.query<{ agency_id: number }>(
      `SELECT DISTINCT i.agency_id FROM alert_intents ai JOIN incidents i ON i.id = ai.incident_id
        WHERE ai.processed_at IS NULL ORDER BY i.agency_id`,
    );
    return rows.map((r) => Number(r.agency_id));
  }

  /** Notes that the group has something pending (keeps the first time) and locks its row. */
  async touchGroup(agencyId: number, now: number): Promise<GroupTimes> {
    const rows = await this.sql.query<{ first_pending_at: Date | null; last_flushed_at: Date | null }>(
      `INSERT INTO notification_groups (agency_id, group_key, first_pending_at) VALUES ($1, 'agency', $2)
       ON CONFLICT (agency_id, group_key) DO UPDATE
         SET first_pending_at = COALESCE(notification_groups.first_pending_at, EXCLUDED.first_pending_at)
       RETURNING first_pending_at, last_flushed_at`,
      [agencyId, at(now)],
    );
    return { firstPendingAt: ms(rows[0].first_pending_at), lastFlushedAt: ms(rows[0].last_flushed_at) };
  }

  async groupFlushed(agencyId: number, now: number): Promise<void> {
    await this.sql.query(
      `UPDATE notification_groups SET first_pending_at = NULL, last_flushed_at = $2
        WHERE agency_id = $1 AND group_key = 'agency'`,
      [agencyId, at(now)],
    );
  }

  async agencyPolicy(agencyId: number): Promise<AgencyPolicy | undefined> {
    const rows = await this.sql.query<{
      id: number;
      code: string;
      name_kk: string;
      name_ru: string;
      name_en: string;
      contacts: AgencyContact[];
      notifications: unknown;
    }>('SELECT id, code, name_kk, name_ru, name_en, contacts, notifications FROM agencies WHERE id = $1', [agencyId]);
    const r = rows[0];
    if (!r) return undefined;
    return {
      id: Number(r.id),
      code: r.code,
      name: { kk: r.name_kk, ru: r.name_ru, en: r.name_en },
      contacts: r.contacts,
      policy: notificationPolicySchema.parse(r.notifications ?? {}),
    };
  }

  async pendingIntents(agencyId: number): Promise<PendingIntent[]> {
    const rows = await this.sql.query<{ id: string; incident_id: string; transition: AlertTransition; at: Date }>(
      `SELECT ai.id, ai.incident_id, ai.transition, ai.at FROM alert_intents ai
         JOIN incidents i ON i.id = ai.incident_id
        WHERE ai.processed_at IS NULL AND i.agency_id = $1
        ORDER BY ai.id FOR UPDATE OF ai SKIP LOCKED`,
      [agencyId],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      incidentId: Number(r.incident_id),
      transition: r.transition,
      at: ms(r.at) as number,
    }));
  }

  async markProcessed(intentIds: readonly number[], now: number): Promise<void> {
    if (intentIds.length === 0) return;
    await this.sql.query('UPDATE alert_intents SET processed_at = $2 WHERE id = ANY($1::bigint[])', [
      intentIds,
      at(now),
    ]);
  }

  async snapshots(incidentIds: readonly number[]): Promise<Map<number, IncidentSnapshot>> {
    if (incidentIds.length === 0) return new Map();
    const rows = await this.sql.query<SnapshotRow>(`${SNAPSHOT_SQL} WHERE i.id = ANY($1::bigint[])`, [
      [...new Set(incidentIds)],
    ]);
    return new Map(rows.map((r) => [Number(r.id), toSnapshot(r)]));
  }

  async markTold(entries: readonly { incidentId: number; level: number }[], now: number): Promise<void> {
    if (entries.length === 0) return;
    await this.sql.query(
      `INSERT INTO notification_alerted (incident_id, level, at)
       SELECT unnest($1::bigint[]), unnest($2::int[]), $3 ON CONFLICT DO NOTHING`,
      [entries.map((e) => e.incidentId), entries.map((e) => e.level), at(now)],
    );
  }

  /** After a resolution: not alerted any more, so a reopening alerts (and escalates) afresh. */
  async clearAlerted(incidentIds: readonly number[]): Promise<void> {
    if (incidentIds.length === 0) return;
    await this.sql.query('DELETE FROM notification_alerted WHERE incident_id = ANY($1::bigint[]) AND level >= 0', [
      incidentIds,
    ]);
  }

  /** Agencies with alerted incidents not resolved yet (reminders). */
  async agenciesWithAlertedOpen(): Promise<number[]> {
    const rows = await this.sql.query<{ agency_id: number }>(
      `SELECT DISTINCT i.agency_id FROM notification_alerted n JOIN incidents i ON i.id = n.incident_id
        WHERE n.level = 0 AND i.state <> 'resolved' ORDER BY i.agency_id`,
    );
    return rows.map((r) => Number(r.agency_id));
  }

  /** The group's last send, its row locked (null: no group row, never sent). */
  async lockGroup(agencyId: number): Promise<number | null | undefined> {
    const rows = await this.sql.query<{ last_flushed_at: Date | null }>(
      `SELECT last_flushed_at FROM notification_groups WHERE agency_id = $1 AND group_key = 'agency' FOR UPDATE SKIP LOCKED`,
      [agencyId],
    );
    return rows[0] ? ms(rows[0].last_flushed_at) : undefined;
  }

  async alertedOpen(agencyId: number): Promise<IncidentSnapshot[]> {
    const rows = await this.sql.query<SnapshotRow>(
      `${SNAPSHOT_SQL} WHERE i.agency_id = $1 AND i.state <> 'resolved'
         AND EXISTS (SELECT 1 FROM notification_alerted n WHERE n.incident_id = i.id AND n.level = 0)`,
      [agencyId],
    );
    return rows.map(toSnapshot);
  }

  async groupReminded(agencyId: number, now: number): Promise<void> {
    await this.sql.query(
      `UPDATE notification_groups SET last_flushed_at = $2 WHERE agency_id = $1 AND group_key = 'agency'`,
      [agencyId, at(now)],
    );
  }

  // --- escalation

  /** Agencies with alerted incidents nobody acknowledged yet. */
  async agenciesWithUnacknowledged(): Promise<number[]> {
    const rows = await this.sql.query<{ agency_id: number }>(
      `SELECT DISTINCT i.agency_id FROM notification_alerted n JOIN incidents i ON i.id = n.incident_id
        WHERE n.level = 0 AND i.state = 'open' AND i.kind = 'root' ORDER BY i.agency_id`,
    );
    return rows.map((r) => Number(r.agency_id));
  }

  async escalationCandidates(agencyId: number): Promise<EscalationCandidate[]> {
    const rows = await this.sql.query<SnapshotRow & { alerted_at: Date; levels: number[] }>(
      `WITH c AS (
         SELECT n.incident_id, n.at AS alerted_at FROM notification_alerted n JOIN incidents i ON i.id = n.incident_id
          WHERE n.level = 0 AND i.state = 'open' AND i.kind = 'root' AND i.agency_id = $1 FOR UPDATE OF n SKIP LOCKED)
       SELECT x.*, c.alerted_at,
              ARRAY(SELECT level FROM notification_alerted l WHERE l.incident_id = x.id AND l.level > 0) AS levels
         FROM c JOIN (${SNAPSHOT_SQL}) x ON x.id = c.incident_id`,
      [agencyId],
    );
    return rows.map((r) => ({
      incident: toSnapshot(r),
      alertedAt: ms(r.alerted_at) as number,
      levelsTold: new Set(r.levels.map(Number)),
    }));
  }

  // --- outbox

  async insertOutbox(rows: readonly NewOutboxRow[], giveUpAfterMs: number): Promise<void> {
    for (const r of rows)
      await this.sql.query(
        `INSERT INTO notification_outbox (idempotency_key, agency_id, kind, level, incident_ids, channel, recipient,
           language, payload, next_attempt_at, give_up_at, created_at, ack_token)
         VALUES ($1, $2, $3, $4, $5::bigint[], $6, $7, $8, $9::jsonb, $10, $11, $12, $13)
         ON CONFLICT (idempotency_key) DO NOTHING`,
        [
          r.idempotencyKey,
          r.agencyId,
          r.kind,
          r.level,
          r.incidentIds,
          r.channel,
          r.recipient,
          r.language,
          JSON.stringify(r.payload),
          at(r.nextAttemptAt),
          at(Math.max(r.nextAttemptAt, r.createdAt) + giveUpAfterMs),
          at(r.createdAt),
          r.ackToken ?? null,
        ],
      );
  }

  /**
   * Claims due rows (and rows whose sender died mid-send, after their lease) with FOR UPDATE SKIP
   * LOCKED, so several nodes never send the same row at once. A row waits while an older row
   * about one of its incidents to the same recipient is unsent: messages arrive in order.
   */
  async claim(now: number, leaseMs: number, limit: number): Promise<OutboxEntry[]> {
    const rows = await this.sql.query<OutboxRow>(
      `WITH due AS (
         SELECT o.id FROM notification_outbox o
          WHERE ((o.state IN ('pending', 'failed') AND o.next_attempt_at <= $1)
                 OR (o.state = 'sending' AND o.claimed_until < $1))
            AND NOT EXISTS (
              SELECT 1 FROM notification_outbox p
               WHERE p.channel = o.channel AND p.recipient = o.recipient AND p.id < o.id
                 AND p.state IN ('pending', 'failed', 'sending') AND p.incident_ids && o.incident_ids)
          ORDER BY o.next_attempt_at, o.id
          LIMIT $3
          FOR UPDATE SKIP LOCKED)
       UPDATE notification_outbox o SET state = 'sending', attempts = o.attempts + 1, claimed_until = $2
         FROM due WHERE o.id = due.id
       RETURNING o.*`,
      [at(now), at(now + leaseMs), limit],
    );
    return rows.map(toOutbox).sort((a, b) => a.id - b.id);
  }

  /** Marks delivered rows, in one statement per round. */
  async markSent(sent: readonly { id: number; at: number }[]): Promise<void> {
    if (sent.length === 0) return;
    await this.sql.query(
      `UPDATE notification_outbox o SET state = 'sent', sent_at = s.at, claimed_until = NULL, last_error = NULL
         FROM unnest($1::bigint[], $2::timestamptz[]) AS s (id, at) WHERE o.id = s.id`,
      [sent.map((s) => s.id), sent.map((s) => at(s.at))],
    );
  }

  async markFailed(id: number, error: string, nextAttemptAt: number): Promise<void> {
    await this.sql.query(
      `UPDATE notification_outbox SET state = 'failed', last_error = $2, next_attempt_at = $3, claimed_until = NULL WHERE id = $1`,
      [id, error, at(nextAttemptAt)],
    );
  }

  async markDead(id: number, error: string): Promise<void> {
    await this.sql.query(
      `UPDATE notification_outbox SET state = 'dead', last_error = $2, claimed_until = NULL WHERE id = $1`,
      [id, error],
    );
  }

  /** Records a receiver's 410 and buries what was still queued for it. */
  async disableEndpoint(agencyId: number, channel: string, recipient: string, now: number, reason: string): Promise<void> {
    await this.sql.query(
      `INSERT INTO notification_endpoints (agency_id, channel, recipient, disabled_at, reason) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING`,
      [agencyId, channel, recipient, at(now), reason],
    );
    await this.sql.query(
      `UPDATE notification_outbox SET state = 'dead', last_error = 'endpoint disabled (HTTP 410)'
        WHERE channel = $1 AND recipient = $2 AND state IN ('pending', 'failed')`,
      [channel, recipient],
    );
  }

  async disabledEndpoints(agencyId: number): Promise<Set<string>> {
    const rows = await this.sql.query<{ channel: string; recipient: string }>(
      'SELECT channel, recipient FROM notification_endpoints WHERE agency_id = $1',
      [agencyId],
    );
    return new Set(rows.map((r) => `${r.channel} ${r.recipient}`));
  }

  // --- delivery log

  async forIncident(incidentId: number): Promise<OutboxEntry[]> {
    const rows = await this.sql.query<OutboxRow>(
      // Agency contacts only: a subscriber's address is never shown on the board.
      'SELECT * FROM notification_outbox WHERE incident_ids @> ARRAY[$1::bigint] AND agency_id IS NOT NULL ORDER BY id',
      [incidentId],
    );
    return rows.map(toOutbox);
  }

  async deadLetters(limit: number): Promise<OutboxEntry[]> {
    const rows = await this.sql.query<OutboxRow>(
      `SELECT * FROM notification_outbox WHERE state = 'dead' AND agency_id IS NOT NULL ORDER BY id DESC LIMIT $1`,
      [limit],
    );
    return rows.map(toOutbox);
  }

  /** A dead letter goes back to the queue, with a fresh give-up time; false if not dead. */
  async retry(id: number, now: number, giveUpAfterMs: number): Promise<boolean> {
    const rows = await this.sql.query(
      `UPDATE notification_outbox SET state = 'pending', next_attempt_at = $2, give_up_at = $3, attempts = 0
        WHERE id = $1 AND state = 'dead' RETURNING id`,
      [id, at(now), at(now + giveUpAfterMs)],
    );
    return rows.length > 0;
  }

  async exists(id: number): Promise<boolean> {
    return (await this.sql.query('SELECT 1 FROM notification_outbox WHERE id = $1', [id])).length > 0;
  }

  async backlog(): Promise<{ channel: string; count: number }[]> {
    const rows = await this.sql.query<{ channel: string; count: string }>(
      `SELECT channel, count(*) AS count FROM notification_outbox
        WHERE state IN ('pending', 'failed', 'sending') GROUP BY channel`,
    );
    return rows.map((r) => ({ channel: r.channel, count: Number(r.count) }));
  }
}
