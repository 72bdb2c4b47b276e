import { IndexedMinHeap } from './min-heap';

interface Item {
  heapIndex: number;
  key: number;
}

describe('IndexedMinHeap', () => {
  it('pops in key order through random pushes, removals and updates', () => {
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const heap = new IndexedMinHeap<Item>((a, b) => a.key < b.key);
    const live = new Set<Item>();
    for (let i = 0; i < 5000; i++) {
      const op = rnd();
      if (op < 0.5 || live.size === 0) {
        const it = { heapIndex: -1, key: Math.floor(rnd() * 1000) };
        heap.push(it);
        live.add(it);
      } else if (op < 0.7) {
        const it = [...live][Math.floor(rnd() * live.size)];
        expect(heap.remove(it)).toBe(true);
        expect(heap.remove(it)).toBe(false);
        live.delete(it);
      } else if (op < 0.9) {
        const it = [...live][Math.floor(rnd() * live.size)];
        it.key = Math.floor(rnd() * 1000);
        heap.update(it);
      } else {
        const min = Math.min(...[...live].map((x) => x.key));
        const top = heap.pop()!;
        expect(top.key).toBe(min);
        live.delete(top);
      }
      expect(heap.size).toBe(live.size);
    }
    const keys: number[] = [];
    for (let it = heap.pop(); it; it = heap.pop()) keys.push(it.key);
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
  });
});
