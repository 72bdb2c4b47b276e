/** The part of a catalog system the dependency views need. */
export interface DependencyNode {
  code: string;
  depends_on: readonly string[];
}

/** code -> systems that depend on it directly (the reverse of depends_on). */
export function dependentsIndex(systems: readonly DependencyNode[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const s of systems)
    for (const parent of s.depends_on) {
      const list = index.get(parent) ?? [];
      list.push(s.code);
      index.set(parent, list);
    }
  for (const list of index.values()) list.sort();
  return index;
}

/**
 * Everything an outage of `code` breaks downstream: direct dependents first, then theirs, each
 * once, with its distance (1 = direct). Cycles in the catalog are tolerated.
 */
export function downstreamOf(code: string, index: Map<string, string[]>): { code: string; depth: number }[] {
  const out: { code: string; depth: number }[] = [];
  const seen = new Set<string>([code]);
  let frontier = [code];
  for (let depth = 1; frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const parent of frontier)
      for (const child of index.get(parent) ?? [])
        if (!seen.has(child)) {
          seen.add(child);
          out.push({ code: child, depth });
          next.push(child);
        }
    frontier = next;
  }
  return out;
}

const indexes = new WeakMap<readonly DependencyNode[], Map<string, string[]>>();

/** dependentsIndex of a catalog's system list, built once per list (the rows of the feed share it). */
export function cachedDependentsIndex(systems: readonly DependencyNode[]): Map<string, string[]> {
  let index = indexes.get(systems);
  if (!index) indexes.set(systems, (index = dependentsIndex(systems)));
  return index;
}
