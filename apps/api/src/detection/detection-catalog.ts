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
  /** The windows that cover each system (a result looks only at its own system's). */
  windowsBySystem: Map<number, MaintenanceWindowInfo[]>;
}

export function buildDetectionCatalog(
  checks: readonly CheckInfo[],
  graph: InMemorySystemGraph,
  windows: readonly MaintenanceWindowInfo[],
): DetectionCatalog {
  const bySystem = new Map<number, CheckInfo[]>();
  // one array per distinct region list, shared by the checks (most checks have the same regions)
  const regionLists = new Map<string, string[]>();
  checks = checks.map((c) => {
    const id = c.regions.join('\n');
    const shared = regionLists.get(id);
    if (!shared) regionLists.set(id, c.regions);
    return shared && shared !== c.regions ? { ...c, regions: shared } : c;
  });
  for (const c of checks) {
    const list = bySystem.get(c.systemId);
    if (list) list.push(c);
    else bySystem.set(c.systemId, [c]);
  }
  const windowsBySystem = new Map<number, MaintenanceWindowInfo[]>();
  for (const w of windows)
    for (const systemId of new Set(w.systemIds)) {
      const list = windowsBySystem.get(systemId);
      if (list) list.push(w);
      else windowsBySystem.set(systemId, [w]);
    }
  return {
    checks: new Map(checks.map((c) => [c.id, c])),
    checksBySystem: bySystem,
    graph,
    windows: [...windows],
    windowsBySystem,
  };
}
