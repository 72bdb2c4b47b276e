import type { CheckKind, CheckRoleName } from '@kuzet/contracts';
import type { InMemorySystemGraph } from '../incidents/system-graph.repository';
import type { MaintenanceWindowInfo } from './maintenance-schedule';

/** A check as the detector needs it. */
export interface CheckInfo {
  id: number;
  key: string;
  code: string;
  kind: CheckKind;
  /** Effective role: as written in the catalog, else the kind's default. */
  role: CheckRoleName;
  systemId: number;
  regions: string[];
  intervalMs: number;
  timeoutMs: number;
  degradedMs: number | null;
  failures: number | null;
  successes: number | null;
}

/** The detector's snapshot of the catalog (reloaded on catalog changes). */
export interface DetectionCatalog {
  checks: Map<number, CheckInfo>;
  checksBySystem: Map<number, CheckInfo[]>;
  graph: InMemorySystemGraph;
  windows: MaintenanceWindowInfo[];
}

export function buildDetectionCatalog(
  checks: readonly CheckInfo[],
  graph: InMemorySystemGraph,
  windows: readonly MaintenanceWindowInfo[],
): DetectionCatalog {
  const bySystem = new Map<number, CheckInfo[]>();
  for (const c of checks) bySystem.set(c.systemId, [...(bySystem.get(c.systemId) ?? []), c]);
  return {
    checks: new Map(checks.map((c) => [c.id, c])),
    checksBySystem: bySystem,
    graph,
    windows: [...windows],
  };
}
