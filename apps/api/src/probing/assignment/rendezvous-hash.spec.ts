import fc from 'fast-check';
import { rendezvousPick, rendezvousSpread } from './rendezvous-hash';

const keys = Array.from({ length: 3000 }, (_, i) => `system-${i % 300}/check-${i}`);

describe('rendezvous hashing', () => {
  it('is deterministic and independent of candidate order', () => {
    for (const key of keys.slice(0, 200)) {
      expect(rendezvousPick(key, ['a', 'b', 'c'])).toBe(rendezvousPick(key, ['c', 'a', 'b']));
    }
    expect(rendezvousPick('x', [])).toBeUndefined();
  });

  it('balances: with 4 agents each gets 25% ± 4%', () => {
    const spread = rendezvousSpread(keys, (k) => k, ['agent-1', 'agent-2', 'agent-3', 'agent-4']);
    for (const items of spread.values()) {
      expect(items.length / keys.length).toBeGreaterThan(0.21);
      expect(items.length / keys.length).toBeLessThan(0.29);
    }
    expect([...spread.values()].reduce((n, v) => n + v.length, 0)).toBe(keys.length);
  });

  it('moves only what the newcomer wins when an agent joins, and only what the leaver had when it leaves', () => {
    const before = ['a', 'b', 'c'];
    const after = ['a', 'b', 'c', 'd'];
    let moved = 0;
    for (const key of keys) {
      const was = rendezvousPick(key, before)!;
      const now = rendezvousPick(key, after)!;
      if (was !== now) {
        moved++;
        expect(now).toBe('d');
      }
    }
    // About a quarter moves (to the newcomer), nothing else.
    expect(moved / keys.length).toBeGreaterThan(0.2);
    expect(moved / keys.length).toBeLessThan(0.3);
    for (const key of keys) {
      const was = rendezvousPick(key, after)!;
      const now = rendezvousPick(key, ['a', 'b', 'd'])!;
      if (was !== 'c') expect(now).toBe(was);
      else expect(now).not.toBe('c');
    }
  });

  it('property: removing any candidate only reassigns its own items', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { minLength: 2, maxLength: 6 }),
        fc.array(fc.string({ maxLength: 20 }), { minLength: 1, maxLength: 50 }),
        fc.nat(),
        (agents, items, which) => {
          const gone = agents[which % agents.length];
          const rest = agents.filter((a) => a !== gone);
          for (const item of items) {
            const was = rendezvousPick(item, agents);
            if (was !== gone) expect(rendezvousPick(item, rest)).toBe(was);
          }
        },
      ),
    );
  });
});
