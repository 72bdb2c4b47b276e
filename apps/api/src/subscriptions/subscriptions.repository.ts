import type { SqlExecutor } from '../database/sql-executor';
import type { LocalizedText } from '../incidents/incident-record';
import type { ScopeLabel } from './subscription-messages';
import type {
  PublicIncidentEvent,
  Subscriber,
  SubscriptionChannel,
  SubscriptionLanguage,
  SubscriptionRecord,
  SubscriptionScope,
  SubscriptionState,
} from './subscription-record';

const at = (v: number) => new Date(v);
const ms = (d: Date | null): number | null => (d === null ? null : new Date(d).getTime());

interface SubscriptionRow {
  id: string;
  channel: SubscriptionChannel;
  address: string;
  scope_kind: 'all' | 'system' | 'agency';
  system_id: number | null;
  agency_id: number | null;
  language: SubscriptionLanguage;
  state: SubscriptionState;
  confirm_expires_at: Date | null;
  unsubscribe_token: string;
}

function toScope(r: SubscriptionRow): SubscriptionScope {
  if (r.scope_kind === 'system' && r.system_id !== null) return { kind: 'system', systemId: Number(r.system_id) };
  if (r.scope_kind === 'agency' && r.agency_id !== null) return { kind: 'agency', agencyId: Number(r.agency_id) };
  return { kind: 'all' };
}

function toRecord(r: SubscriptionRow): SubscriptionRecord {
  return {
    id: Number(r.id),
    channel: r.channel,
    address: r.address,
    scope: toScope(r),
    language: r.language,
    state: r.state,
    confirmExpiresAt: ms(r.confirm_expires_at),
    unsubscribeToken: r.unsubscribe_token,
  };
}

const scopeColumns = (scope: SubscriptionScope) => [
  scope.kind,
  scope.kind === 'system' ? scope.systemId : null,
  scope.kind === 'agency' ? scope.agencyId : null,
];

interface EventRow {
  id: string;
  kind: 'state_changed' | 'reopened' | 'public_update' | 'resolved';
  at: Date;
  data: { text?: LocalizedText; public_state?: PublicIncidentEvent['publicState'] };
  incident_id: string;
  system_id: number;
  system_code: string;
  system_kk: string;
  system_ru: string;
  system_en: string;
  agency_id: number;
  agency_code: string;
  agency_kk: string;
  agency_ru: string;
  agency_en: string;
  title_kk: string;
  title_ru: string;
  title_en: string;
  public_state: PublicIncidentEvent['publicState'];
  opened_at: Date;
  resolved_at: Date | null;
}

/** The public state the event stands for (the incident's may have moved on since). */
function eventPublicState(r: EventRow): PublicIncidentEvent['publicState'] {
  if (r.kind === 'resolved') return 'resolved';
  if (r.kind === 'reopened' || r.kind === 'state_changed') return 'investigating';
  return r.data.public_state ?? r.public_state;
}

/** The subscriptions' SQL, bound to one executor (a transaction or the pool). */
export class SubscriptionsRepository {
  constructor(private readonly sql: SqlExecutor) {}

  /** A public, enabled system by code. */
  async publicSystem(code: string): Promise<{ id: number; name: LocalizedText } | undefined> {
    const rows = await this.sql.query<{ id: number; name_kk: string; name_ru: string; name_en: string }>(
      'SELECT id, name_kk, name_ru, name_en FROM systems WHERE code = $1 AND is_public AND enabled',
      [code],
    );
    return rows[0] && { id: Number(rows[0].id), name: { kk: rows[0].name_kk, ru: rows[0].name_ru, en: rows[0].name_en } };
  }

  /** An enabled agency with at least one public, enabled system. */
  async publicAgency(code: string): Promise<{ id: number; name: LocalizedText } | undefined> {
    const rows = await this.sql.query<{ id: number; name_kk: string; name_ru: string; name_en: string }>(
      `SELECT a.id, a.name_kk, a.name_ru, a.name_en FROM agencies a
        WHERE a.code = $1 AND a.enabled
          AND EXISTS (SELECT 1 FROM systems s WHERE s.agency_id = a.id AND s.is_public AND s.enabled)`,
      [code],
    );
    return rows[0] && { id: Number(rows[0].id), name: { kk: rows[0].name_kk, ru: rows[0].name_ru, en: rows[0].name_en } };
  }

  /** The subscription of this address to this scope, locked for the sign-up. */
  async find(channel: SubscriptionChannel, address: string, scope: SubscriptionScope): Promise<SubscriptionRecord | undefined> {
    const rows = await this.sql.query<SubscriptionRow>(
      `SELECT * FROM subscriptions WHERE channel = $1 AND address = $2 AND scope_kind = $3
          AND system_id IS NOT DISTINCT FROM $4 AND agency_id IS NOT DISTINCT FROM $5 FOR UPDATE`,
      [channel, address, ...scopeColumns(scope)],
    );
    return rows[0] && toRecord(rows[0]);
  }

  /** Inserts the subscription or, after a concurrent insert, returns undefined. */
  async insert(s: {
    channel: SubscriptionChannel;
    address: string;
    scope: SubscriptionScope;
    language: SubscriptionLanguage;
    state: SubscriptionState;
    confirmTokenHash: string | null;
    confirmExpiresAt: number | null;
    unsubscribeToken: string;
    now: number;
  }): Promise<number | undefined> {
    const rows = await this.sql.query<{ id: string }>(
      `INSERT INTO subscriptions (channel, address, scope_kind, system_id, agency_id, language, state, confirm_token_hash,
         confirm_expires_at, unsubscribe_token, created_at, confirmed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, CASE WHEN $7 = 'active' THEN $11::timestamptz END)
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        s.channel,
        s.address,
        ...scopeColumns(s.scope),
        s.language,
        s.state,
        s.confirmTokenHash,
        s.confirmExpiresAt === null ? null : at(s.confirmExpiresAt),
        s.unsubscribeToken,
        at(s.now),
      ],
    );
    return rows[0] ? Number(rows[0].id) : undefined;
  }

  /** A new confirmation for a pending or cancelled subscription (language as now chosen). */
  async renewConfirmation(id: number, language: SubscriptionLanguage, hash: string, expiresAt: number): Promise<void> {
    await this.sql.query(
      `UPDATE subscriptions SET state = 'pending', language = $2, confirm_token_hash = $3, confirm_expires_at = $4,
         unsubscribed_at = NULL WHERE id = $1`,
      [id, language, hash, at(expiresAt)],
    );
  }

  async byConfirmHash(hash: string): Promise<SubscriptionRecord | undefined> {
    const rows = await this.sql.query<SubscriptionRow>('SELECT * FROM subscriptions WHERE confirm_token_hash = $1 FOR UPDATE', [hash]);
    return rows[0] && toRecord(rows[0]);
  }

  async byUnsubscribeToken(token: string): Promise<SubscriptionRecord | undefined> {
    const rows = await this.sql.query<SubscriptionRow>('SELECT * FROM subscriptions WHERE unsubscribe_token = $1 FOR UPDATE', [token]);
    return rows[0] && toRecord(rows[0]);
  }

  async confirm(id: number, now: number): Promise<void> {
    await this.sql.query(`UPDATE subscriptions SET state = 'active', confirmed_at = $2 WHERE id = $1`, [id, at(now)]);
  }

  /** Ends the subscription and buries what was still queued for it. */
  async unsubscribe(id: number, now: number): Promise<void> {
    await this.sql.query(
      `UPDATE subscriptions SET state = 'unsubscribed', unsubscribed_at = $2, confirm_token_hash = NULL WHERE id = $1`,
      [id, at(now)],
    );
    await this.sql.query(
      `UPDATE notification_outbox SET state = 'dead', last_error = 'unsubscribed', claimed_until = NULL
        WHERE kind = 'subscription_update' AND idempotency_key LIKE $1 AND state IN ('pending', 'failed')`,
      [`sub:${id}:%`],
    );
  }

  /** Names for the confirmation message. */
  async scopeLabel(scope: SubscriptionScope): Promise<ScopeLabel> {
    if (scope.kind === 'all') return scope;
    const table = scope.kind === 'system' ? 'systems' : 'agencies';
    const id = scope.kind === 'system' ? scope.systemId : scope.agencyId;
    const rows = await this.sql.query<{ name_kk: string; name_ru: string; name_en: string }>(
      `SELECT name_kk, name_ru, name_en FROM ${table} WHERE id = $1`,
      [id],
    );
    const r = rows[0] ?? { name_kk: '', name_ru: '', name_en: '' };
    return { kind: scope.kind, name: { kk: r.name_kk, ru: r.name_ru, en: r.name_en } };
  }

  /** Forgets sign-ups never confirmed whose link has expired (their address is not kept). */
  async deleteExpiredPending(now: number): Promise<number> {
    const rows = await this.sql.query(
      `DELETE FROM subscriptions WHERE state = 'pending' AND confirm_expires_at < $1 RETURNING id`,
      [at(now)],
    );
    return rows.length;
  }

  /**
   * Ends the webhook subscriptions whose receiver answered 410 Gone to one of their updates since
   * they were confirmed (the delivery worker buried that message); returns their ids.
   */
  async endGoneWebhooks(now: number): Promise<number[]> {
    const rows = await this.sql.query<{ id: string }>(
      `UPDATE subscriptions s SET state = 'unsubscribed', unsubscribed_at = $1
        WHERE s.channel = 'webhook' AND s.state = 'active'
          AND EXISTS (SELECT 1 FROM notification_outbox o
                       WHERE o.agency_id IS NULL AND o.state = 'dead' AND o.last_error = 'HTTP 410'
                         AND o.recipient = s.address AND o.idempotency_key LIKE 'sub:' || s.id || ':%'
                         AND o.created_at >= s.confirmed_at)
        RETURNING s.id`,
      [at(now)],
    );
    return rows.map((r) => Number(r.id));
  }

  // --- fan-out

  async lowWater(): Promise<number> {
    const rows = await this.sql.query<{ low_water: string }>('SELECT low_water FROM subscription_fanout_state WHERE id = 1');
    return rows[0] ? Number(rows[0].low_water) : 0;
  }

  /**
   * Incident events citizens see (an incident opened, a public update, a resolution) on public
   * systems, above the low-water mark and not fanned out yet, oldest first; locked, so two nodes
   * never take the same one.
   */
  async pendingEvents(lowWater: number, limit: number): Promise<PublicIncidentEvent[]> {
    const rows = await this.sql.query<EventRow>(
      `SELECT e.id, e.kind, e.at, e.data, e.incident_id, s.id AS system_id, s.code AS system_code,
              s.name_kk AS system_kk, s.name_ru AS system_ru, s.name_en AS system_en,
              a.id AS agency_id, a.code AS agency_code, a.name_kk AS agency_kk, a.name_ru AS agency_ru, a.name_en AS agency_en,
              i.title_kk, i.title_ru, i.title_en, i.public_state, i.opened_at, i.resolved_at
         FROM incident_events e
         JOIN incidents i ON i.id = e.incident_id
         JOIN systems s ON s.id = i.system_id
         JOIN agencies a ON a.id = s.agency_id
        WHERE e.id > $1
          AND (e.kind IN ('public_update', 'resolved') OR (e.kind = 'state_changed' AND e.data->>'to' = 'open')
               -- a reopening matters to citizens only after a resolution (not while it was recovering)
               OR (e.kind = 'reopened' AND EXISTS (
                    SELECT 1 FROM incident_events r WHERE r.incident_id = e.incident_id AND r.kind = 'resolved' AND r.id < e.id
                       AND NOT EXISTS (SELECT 1 FROM incident_events o WHERE o.incident_id = e.incident_id
                                          AND o.kind = 'reopened' AND o.id > r.id AND o.id < e.id))))
          AND s.is_public AND s.enabled
          AND NOT EXISTS (SELECT 1 FROM subscription_fanout f WHERE f.event_id = e.id)
        ORDER BY e.id LIMIT $2
        FOR UPDATE OF e SKIP LOCKED`,
      [lowWater, limit],
    );
    return rows.map((r) => ({
      eventId: Number(r.id),
      kind: r.kind === 'state_changed' ? 'opened' : r.kind,
      at: ms(r.at) as number,
      incidentId: Number(r.incident_id),
      systemId: Number(r.system_id),
      systemCode: r.system_code,
      systemName: { kk: r.system_kk, ru: r.system_ru, en: r.system_en },
      agencyId: Number(r.agency_id),
      agencyCode: r.agency_code,
      agencyName: { kk: r.agency_kk, ru: r.agency_ru, en: r.agency_en },
      title: { kk: r.title_kk, ru: r.title_ru, en: r.title_en },
      // An update states the public state it set; the incident's may have moved on since.
      publicState: eventPublicState(r),
      updateText: r.kind === 'public_update' ? (r.data.text ?? null) : null,
      openedAt: ms(r.opened_at) as number,
      resolvedAt: r.kind === 'resolved' ? ms(r.at) : null,
    }));
  }

  /** Active subscribers following the system (itself, its agency, or everything), confirmed by the event's time. */
  async subscribersFor(event: PublicIncidentEvent): Promise<Subscriber[]> {
    const rows = await this.sql.query<{ id: string; channel: SubscriptionChannel; address: string; language: SubscriptionLanguage; unsubscribe_token: string }>(
      `SELECT id, channel, address, language, unsubscribe_token FROM subscriptions
        WHERE state = 'active' AND confirmed_at <= $3
          AND (scope_kind = 'all' OR system_id = $1 OR agency_id = $2)
        ORDER BY id`,
      [event.systemId, event.agencyId, at(event.at)],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      channel: r.channel,
      address: r.address,
      language: r.language,
      unsubscribeToken: r.unsubscribe_token,
    }));
  }

  async markFannedOut(eventIds: readonly number[], now: number): Promise<void> {
    if (eventIds.length === 0) return;
    await this.sql.query(
      'INSERT INTO subscription_fanout (event_id, done_at) SELECT unnest($1::bigint[]), $2 ON CONFLICT DO NOTHING',
      [eventIds, at(now)],
    );
  }

  /**
   * Raises the low-water mark to the newest event fanned out before `settledBefore` (no
   * transaction stays open that long, so no older event can still commit) and forgets the
   * markers below it: the scan stays short however long the history grows.
   */
  async advanceLowWater(settledBefore: number): Promise<void> {
    await this.sql.query(
      `UPDATE subscription_fanout_state SET low_water = GREATEST(low_water,
         COALESCE((SELECT max(event_id) FROM subscription_fanout WHERE done_at < $1), 0)) WHERE id = 1`,
      [at(settledBefore)],
    );
    await this.sql.query(
      'DELETE FROM subscription_fanout WHERE event_id <= (SELECT low_water FROM subscription_fanout_state WHERE id = 1)',
    );
  }
}
