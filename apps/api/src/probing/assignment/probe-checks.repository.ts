import { Inject, Injectable } from '@nestjs/common';
import { defaultCheckRole } from '@kuzet/contracts';
import type { CheckKind, CheckRoleName } from '@kuzet/contracts';
import { SQL_EXECUTOR, SqlExecutor } from '../../database/sql-executor';
import type { ProbeCheck } from './probe-check';

interface Row {
  id: number;
  key: string;
  kind: CheckKind;
  role: CheckRoleName | null;
  target: string | null;
  interval_s: string | number;
  timeout_s: string | number;
  regions: string[];
  conditions: string[];
  thresholds: Record<string, unknown>;
  options: Record<string, unknown>;
}

/** The checks agents poll: enabled, of an enabled system and agency, not heartbeat. */
@Injectable()
export class ProbeChecksRepository {
  constructor(@Inject(SQL_EXECUTOR) private readonly db: SqlExecutor) {}

  async listProbed(): Promise<ProbeCheck[]> {
    const rows = await this.db.query<Row>(
      `SELECT k.id, k.key, k.kind, k.role, k.target, k.interval_s, k.timeout_s, k.regions, k.conditions, k.thresholds, k.options
         FROM checks k
         JOIN systems s ON s.id = k.system_id
         JOIN agencies a ON a.id = s.agency_id
        WHERE k.enabled AND s.enabled AND a.enabled AND k.kind <> 'heartbeat'
        ORDER BY k.key`,
    );
    return rows.map((r) => ({
      id: Number(r.id),
      key: r.key,
      kind: r.kind,
      role: r.role ?? defaultCheckRole(r.kind),
      target: r.target,
      interval_ms: Math.round(Number(r.interval_s) * 1000),
      timeout_ms: Math.round(Number(r.timeout_s) * 1000),
      regions: r.regions,
      conditions: r.conditions ?? [],
      thresholds: r.thresholds ?? {},
      options: r.options ?? {},
    }));
  }
}
