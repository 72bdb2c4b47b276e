import { EventStream, parseSyncRequest } from './event-stream';

interface E {
  seq: number;
  name: string;
}
const make = (stream: EventStream<E>, rooms: string[], name: string, keep = true) =>
  stream.next(rooms, (seq) => ({ seq, name }), keep);

describe('EventStream (sequencer + replay decision)', () => {
  it('numbers events 1, 2, 3... and has a random epoch per instance', () => {
    const s = new EventStream<E>(10);
    expect(s.seq).toBe(0);
    expect([make(s, ['r'], 'a'), make(s, ['r'], 'b'), make(s, ['r'], 'c')].map((e) => e.seq)).toEqual([
      1, 2, 3,
    ]);
    expect(s.seq).toBe(3);
    expect(s.epoch).toMatch(/^[0-9a-f]{16}$/);
    expect(new EventStream<E>(10).epoch).not.toBe(s.epoch);
  });

  it('replays when the epoch matches and nothing needed was evicted', () => {
    const s = new EventStream<E>(10, 'abc');
    make(s, ['national', 'agency:a'], 'a1');
    make(s, ['national', 'agency:b'], 'b1');
    make(s, ['national', 'agency:a'], 'a2');
    expect(s.decide({ epoch: 'abc', last_seq: 1 }, ['agency:a'])).toEqual({
      mode: 'replay',
      events: [{ seq: 3, name: 'a2' }],
    });
    expect(s.decide({ epoch: 'abc', last_seq: 3 }, ['national'])).toEqual({ mode: 'replay', events: [] });
  });

  it('answers snapshot for another epoch, no last_seq, a future last_seq, malformed requests, or eviction', () => {
    const s = new EventStream<E>(2, 'abc');
    for (const n of ['1', '2', '3']) make(s, ['r'], n);
    const rooms = ['r'];
    expect(s.decide({ epoch: 'def', last_seq: 2 }, rooms)).toEqual({ mode: 'snapshot' });
    expect(s.decide({ epoch: 'abc' }, rooms)).toEqual({ mode: 'snapshot' });
    expect(s.decide({}, rooms)).toEqual({ mode: 'snapshot' });
    expect(s.decide(undefined, rooms)).toEqual({ mode: 'snapshot' });
    expect(s.decide('junk', rooms)).toEqual({ mode: 'snapshot' });
    expect(s.decide({ epoch: 'abc', last_seq: 4 }, rooms)).toEqual({ mode: 'snapshot' });
    expect(s.decide({ epoch: 'abc', last_seq: -1 }, rooms)).toEqual({ mode: 'snapshot' });
    expect(s.decide({ epoch: 'abc', last_seq: 1.5 }, rooms)).toEqual({ mode: 'snapshot' });
    expect(s.decide({ epoch: 'abc', last_seq: '2' }, rooms)).toEqual({ mode: 'snapshot' });
    expect(s.decide({ epoch: 'abc', last_seq: 0 }, rooms)).toEqual({ mode: 'snapshot' }); // seq 1 evicted
    expect(s.decide({ epoch: 'abc', last_seq: 1 }, rooms)).toMatchObject({ mode: 'replay' });
  });

  it('volatile events take a seq but are not kept, and do not force snapshots', () => {
    const s = new EventStream<E>(2, 'abc');
    make(s, ['r'], 'kept');
    for (let i = 0; i < 5; i++) make(s, ['r'], 'summary', false);
    make(s, ['r'], 'kept2');
    expect(s.seq).toBe(7);
    expect(s.decide({ epoch: 'abc', last_seq: 0 }, ['r'])).toEqual({
      mode: 'replay',
      events: [
        { seq: 1, name: 'kept' },
        { seq: 7, name: 'kept2' },
      ],
    });
  });

  it('parseSyncRequest keeps only a well-formed epoch and last_seq', () => {
    expect(parseSyncRequest({ epoch: 'ab12', last_seq: 7, extra: 1 })).toEqual({
      epoch: 'ab12',
      last_seq: 7,
    });
    expect(parseSyncRequest({ epoch: 'x'.repeat(65), last_seq: 7 })).toEqual({});
    expect(parseSyncRequest({ epoch: 'AB', last_seq: 7 })).toEqual({});
    expect(parseSyncRequest(null)).toEqual({});
    expect(parseSyncRequest({ epoch: 'ab', last_seq: Number.MAX_VALUE })).toEqual({ epoch: 'ab' });
  });
});
