import type { SqlExecutor } from '../database/sql-executor';
import type { AuditEntry, AuditRecord } from './audit-entry';
import { redactSecrets } from './audit-entry';

export interface AuditFilter {
  actor?: string;
  action?: string;
  from?: Date;
  to?: Date;
  /** Keyset cursor: entries with id below it. */
  before?: number;
  limit: number;
}

/** audit_log rows; constructed over any executor so an entry joins the transaction of its change. */
export class AuditRepository {
  constructor(private readonly db: SqlExecutor) {}

  async insert(entry: AuditEntry): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_log (actor_id, actor_email, action, target, changes, client_address)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6)`,
      [
        entry.actor.id,
        entry.actor.email,
        entry.action,
        entry.target,
        JSON.stringify(redactSecrets(entry.changes ?? {})),
        entry.actor.address,
      ],
    );
  }

  async list(filter: AuditFilter): Promise<AuditRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.actor) add('lower(actor_email) = lower(?)', filter.actor);
    if (filter.action) {
      // 'incident' matches every incident.* action; 'incident.ack' matches itself.
      if (filter.action.includes('.')) add('action = ?', filter.action);
      else add(`action LIKE ? || '.%'`, filter.action);
    }
    if (filter.from) add('at >= ?', filter.from);
    if (filter.to) add('at < ?', filter.to);
    if (filter.before) add('id < ?', filter.before);
    params.push(filter.limit);
    const rows = await this.db.query<AuditRecord & { at: Date; id: string | number }>(
      `SELECT id, at, actor_id, actor_email, action, target, changes, client_address FROM audit_log
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map((r) => ({ ...r, id: Number(r.id), at: new Date(r.at).toISOString() }));
  }
}
