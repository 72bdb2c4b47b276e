import { ReplayBuffer } from './replay-buffer';

describe('ReplayBuffer', () => {
  it('keeps the last `capacity` events and replays those after a seq, oldest first, per room', () => {
    const b = new ReplayBuffer<string>(3);
    b.push(1, ['national', 'agency:a'], 'e1');
    b.push(2, ['national', 'agency:b'], 'e2');
    b.push(3, ['national', 'agency:a'], 'e3');
    expect(b.since(0, ['national'])).toEqual(['e1', 'e2', 'e3']);
    expect(b.since(0, ['agency:a'])).toEqual(['e1', 'e3']);
    expect(b.since(1, ['agency:b'])).toEqual(['e2']);
    expect(b.since(3, ['national'])).toEqual([]);
    expect(b.since(0, ['agency:c'])).toEqual([]);
    expect(b.length).toBe(3);
  });

  it('refuses replay (null) exactly when an event a room needed was evicted', () => {
    const b = new ReplayBuffer<string>(2);
    b.push(1, ['national', 'agency:a'], 'e1');
    b.push(2, ['national', 'agency:b'], 'e2');
    b.push(3, ['national', 'agency:b'], 'e3'); // evicts e1 (national, agency:a)
    expect(b.length).toBe(2);
    expect(b.since(0, ['national'])).toBeNull();
    expect(b.since(1, ['national'])).toEqual(['e2', 'e3']);
    // agency:a never received e2/e3 and already had e1: nothing it needs is gone.
    expect(b.since(1, ['agency:a'])).toEqual([]);
    expect(b.since(0, ['agency:a'])).toBeNull();
    // agency:b lost nothing yet, even from 0.
    expect(b.since(0, ['agency:b'])).toEqual(['e2', 'e3']);
    b.push(4, ['national', 'agency:a'], 'e4'); // evicts e2 (agency:b)
    expect(b.since(1, ['agency:b'])).toBeNull();
    expect(b.since(2, ['agency:b'])).toEqual(['e3']);
    expect(b.since(1, ['agency:a'])).toEqual(['e4']);
  });

  it('wraps around many times and stays ordered; gaps in seq are fine', () => {
    const b = new ReplayBuffer<number>(5);
    for (let seq = 1; seq <= 1000; seq += 2) b.push(seq, ['r'], seq);
    expect(b.since(990, ['r'])).toEqual([991, 993, 995, 997, 999]);
    expect(b.since(989, ['r'])).toEqual([991, 993, 995, 997, 999]);
    expect(b.since(988, ['r'])).toBeNull();
  });

  it('rejects a non-increasing seq and a bad capacity', () => {
    const b = new ReplayBuffer<string>(2);
    b.push(5, ['r'], 'x');
    expect(() => b.push(5, ['r'], 'y')).toThrow(RangeError);
    expect(() => new ReplayBuffer(0)).toThrow(RangeError);
  });
});
