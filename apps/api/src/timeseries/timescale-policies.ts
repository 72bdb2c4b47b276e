import type { DbLogger } from '../database/db-logger';
import type { SqlExecutor } from '../database/sql-executor';
import { ROLLUP_SPECS } from './rollup-resolution';
import type { RetentionSettings } from './retention-settings';

export interface TimescalePolicy {
  kind: 'retention' | 'compression';
  relation: string;
  days: number;
}

/** Retention and compression policies wanted for the current configuration. */
export function desiredTimescalePolicies(settings: RetentionSettings): TimescalePolicy[] {
  return [
    { kind: 'retention', relation: 'check_results', days: settings.rawDays },
    { kind: 'compression', relation: 'check_results', days: settings.compressAfterDays },
    { kind: 'retention', relation: ROLLUP_SPECS['1m'].relation, days: settings.minuteRollupDays },
    { kind: 'retention', relation: ROLLUP_SPECS['1h'].relation, days: settings.rollupDays },
    { kind: 'retention', relation: ROLLUP_SPECS['1d'].relation, days: settings.rollupDays },
  ];
}

export interface PolicyChange {
  policy: TimescalePolicy;
  /** Previous setting in days, or null when the policy did not exist. */
  previousDays: number | null;
}

const PROC: Record<TimescalePolicy['kind'], { proc: string; key: string; remove: string; add: string }> = {
  retention: {
    proc: 'policy_retention',
    key: 'drop_after',
    remove: 'remove_retention_policy',
    add: 'add_retention_policy',
  },
  compression: {
    proc: 'policy_compression',
    key: 'compress_after',
    remove: 'remove_compression_policy',
    add: 'add_compression_policy',
  },
};

/**
 * Makes the TimescaleDB jobs match `desired`: untouched when equal, otherwise removed and
 * re-added with the configured interval. Running it twice changes nothing the second time.
 */
export async function reconcileTimescalePolicies(
  db: SqlExecutor,
  desired: readonly TimescalePolicy[],
  log: DbLogger,
): Promise<PolicyChange[]> {
  const existing = await db.query<{ proc_name: string; relation: string; seconds: number | null }>(
    `SELECT proc_name, hypertable_name AS relation,
            extract(epoch FROM COALESCE(config->>'drop_after', config->>'compress_after')::interval)::float8 AS seconds
       FROM timescaledb_information.jobs
      WHERE proc_name IN ('policy_retention', 'policy_compression') AND hypertable_schema = current_schema()`,
  );
  const changes: PolicyChange[] = [];
  for (const policy of desired) {
    const proc = PROC[policy.kind];
    const current = existing.find((e) => e.proc_name === proc.proc && e.relation === policy.relation);
    const currentDays = current?.seconds == null ? null : current.seconds / 86_400;
    if (current && currentDays === policy.days) continue;
    if (current) await db.query(`SELECT ${proc.remove}($1::regclass, if_exists => true)`, [policy.relation]);
    await db.query(`SELECT ${proc.add}($1::regclass, ${proc.key} => make_interval(days => $2::int))`, [
      policy.relation,
      policy.days,
    ]);
    changes.push({ policy, previousDays: current ? currentDays : null });
    log.log(
      `storage policy: ${policy.kind} ${policy.relation} ${policy.days} days` +
        (current ? ` (was ${currentDays} days)` : ' (added)'),
    );
  }
  return changes;
}
