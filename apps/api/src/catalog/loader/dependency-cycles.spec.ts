import { findDependencyCycles } from './dependency-cycles';

const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

describe('findDependencyCycles', () => {
  it('finds none in a DAG (diamond) and ignores unknown nodes', () => {
    expect(findDependencyCycles(graph({ a: ['b', 'c'], b: ['d'], c: ['d'], d: [], e: ['missing'] }))).toEqual(
      [],
    );
  });

  it('names each cycle from its smallest code', () => {
    expect(findDependencyCycles(graph({ c: ['a'], a: ['b'], b: ['c', 'd'], d: [] }))).toEqual([
      ['a', 'b', 'c', 'a'],
    ]);
    expect(findDependencyCycles(graph({ x: ['x'] }))).toEqual([['x', 'x']]);
  });

  it('reports one cycle per strongly connected component', () => {
    const cycles = findDependencyCycles(graph({ a: ['b'], b: ['a'], m: ['n'], n: ['o'], o: ['m'], z: [] }));
    expect(cycles).toEqual([
      ['a', 'b', 'a'],
      ['m', 'n', 'o', 'm'],
    ]);
  });

  it('prefers the shortest cycle through the smallest node', () => {
    // a -> b -> c -> d -> a and a -> d -> a: the second is shorter.
    expect(findDependencyCycles(graph({ a: ['b', 'd'], b: ['c'], c: ['d'], d: ['a'] }))).toEqual([
      ['a', 'd', 'a'],
    ]);
  });

  it('handles long chains without recursion limits', () => {
    const edges: Record<string, string[]> = {};
    for (let i = 0; i < 20000; i++) edges[`s${i}`] = [`s${i + 1}`];
    edges.s20000 = ['s0'];
    const cycles = findDependencyCycles(graph(edges));
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(20002);
  });
});
