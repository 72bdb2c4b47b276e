/**
 * Finds dependency cycles: one cycle per strongly connected component (Tarjan), written from its
 * smallest code, e.g. ['a', 'b', 'c', 'a'] for a -> b -> c -> a. Edges to unknown nodes are
 * ignored (they are reported as unknown references elsewhere). Deterministic for a given graph.
 */
export function findDependencyCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  const next = (n: string) => [...(graph.get(n) ?? [])].filter((m) => graph.has(m)).sort();

  // Iterative Tarjan, so a long dependency chain cannot overflow the call stack.
  for (const root of [...graph.keys()].sort()) {
    if (index.has(root)) continue;
    const work: { node: string; edges: string[]; i: number }[] = [];
    const enter = (n: string) => {
      index.set(n, counter);
      low.set(n, counter);
      counter++;
      stack.push(n);
      onStack.add(n);
      work.push({ node: n, edges: next(n), i: 0 });
    };
    enter(root);
    while (work.length) {
      const frame = work[work.length - 1];
      if (frame.i < frame.edges.length) {
        const m = frame.edges[frame.i++];
        if (!index.has(m)) enter(m);
        else if (onStack.has(m)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(m)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let m: string;
        do {
          m = stack.pop()!;
          onStack.delete(m);
          component.push(m);
        } while (m !== frame.node);
        components.push(component);
      }
    }
  }

  const cycles: string[][] = [];
  for (const component of components) {
    const members = new Set(component);
    const start = [...component].sort()[0];
    if (component.length === 1 && !next(start).includes(start)) continue;
    cycles.push(shortestCycle(start, members, next));
  }
  return cycles.sort((a, b) => a[0].localeCompare(b[0]));
}

/** Breadth-first from start back to start within one component: the shortest cycle through it. */
function shortestCycle(start: string, members: Set<string>, next: (n: string) => string[]): string[] {
  const parent = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const n = queue.shift()!;
    for (const m of next(n)) {
      if (!members.has(m)) continue;
      if (m === start) {
        const path = [n];
        while (path[0] !== start) path.unshift(parent.get(path[0])!);
        return [...path, start];
      }
      if (!parent.has(m) && m !== start) {
        parent.set(m, n);
        queue.push(m);
      }
    }
  }
  return [start, start];
}
