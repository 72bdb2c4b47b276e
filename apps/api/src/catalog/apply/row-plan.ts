import type { ApplyCounts, CatalogSource } from '@kuzet/contracts';
import { sameValue } from './same-value';

// The pure core of applying: given the rows stored and the items wanted, which rows to insert,
// which columns to update, which rows to disable. Nothing is ever planned for deletion.

export interface StoredRow {
  id: number;
  source: CatalogSource;
  enabled: boolean;
}

export interface DesiredRow<C> {
  key: string;
  columns: C;
}

export interface RowUpdate<C> {
  id: number;
  key: string;
  changes: Partial<C>;
}

export interface RowPlan<C> {
  inserts: DesiredRow<C>[];
  updates: RowUpdate<C>[];
  disables: { id: number; key: string }[];
  counts: ApplyCounts;
}

export interface PlanOptions<R extends StoredRow, C> {
  desired: readonly DesiredRow<C>[];
  existing: readonly R[];
  keyOf(row: R): string;
  /**
   * 'full' (a folder): every folder-sourced row not desired is disabled and desired rows become
   * folder-sourced. 'partial' (a REST write): only the desired rows are touched; new rows get
   * `source`, existing ones keep theirs.
   */
  scope: 'full' | 'partial';
  source: CatalogSource;
  /** partial only: keys to disable (REST DELETE). */
  disable?: ReadonlySet<string>;
  /** A change outside the row's own columns (its dependency links), which counts as an update. */
  linksChanged?(row: R, desired: DesiredRow<C>): boolean;
}

export function planRows<R extends StoredRow, C extends object>(o: PlanOptions<R, C>): RowPlan<C> {
  const byKey = new Map(o.existing.map((r) => [o.keyOf(r), r] as const));
  const plan: RowPlan<C> = {
    inserts: [],
    updates: [],
    disables: [],
    counts: { added: 0, updated: 0, disabled: 0, unchanged: 0 },
  };
  const desiredKeys = new Set<string>();
  for (const d of o.desired) {
    desiredKeys.add(d.key);
    const row = byKey.get(d.key);
    if (!row) {
      plan.inserts.push({ key: d.key, columns: { ...d.columns, source: o.source } });
      plan.counts.added++;
      continue;
    }
    const changes: Partial<C> = {};
    for (const [col, value] of Object.entries(d.columns) as [keyof C & string, unknown][]) {
      if (!sameValue((row as unknown as Record<string, unknown>)[col], value))
        changes[col] = value as C[keyof C & string];
    }
    if (o.scope === 'full' && row.source !== o.source) (changes as Record<string, unknown>).source = o.source;
    if (Object.keys(changes).length || o.linksChanged?.(row, d)) {
      plan.updates.push({ id: row.id, key: d.key, changes });
      plan.counts.updated++;
    } else {
      plan.counts.unchanged++;
    }
  }
  for (const [key, row] of byKey) {
    if (desiredKeys.has(key)) continue;
    const wanted = o.scope === 'full' ? row.source === o.source : (o.disable?.has(key) ?? false);
    if (!wanted) continue;
    if (row.enabled) {
      plan.disables.push({ id: row.id, key });
      plan.counts.disabled++;
    } else if (o.scope === 'partial') {
      plan.counts.unchanged++;
    }
  }
  return plan;
}

export function hasChanges(counts: ApplyCounts): boolean {
  return counts.added + counts.updated + counts.disabled > 0;
}
