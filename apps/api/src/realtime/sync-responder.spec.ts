import { EventStream } from './event-stream';
import { answerSync } from './sync-responder';

interface E {
  seq: number;
}

describe('answerSync', () => {
  it('takes the snapshot seq before reading, so an event during the read is not skipped', async () => {
    const stream = new EventStream<E>(10, 'ab');
    stream.next(['r'], (seq) => ({ seq }));
    const response = await answerSync(
      stream,
      {},
      ['r'],
      () => 0,
      async () => {
        stream.next(['r'], (seq) => ({ seq })); // lands while the database is read
        return { systems: [] };
      },
    );
    expect(response).toEqual({
      mode: 'snapshot',
      snapshot: { epoch: 'ab', seq: 1, at: '1970-01-01T00:00:00.000Z', systems: [] },
    });
  });

  it('replays without touching the database when it can', async () => {
    const stream = new EventStream<E>(10, 'ab');
    stream.next(['r'], (seq) => ({ seq }));
    stream.next(['r'], (seq) => ({ seq }));
    const load = jest.fn();
    expect(await answerSync(stream, { epoch: 'ab', last_seq: 1 }, ['r'], () => 0, load)).toEqual({
      mode: 'replay',
      epoch: 'ab',
      events: [{ seq: 2 }],
    });
    expect(load).not.toHaveBeenCalled();
  });
});
