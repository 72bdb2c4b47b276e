import type { SyncResponse } from '@kuzet/contracts';
import type { EventStream } from './event-stream';

/**
 * Answers a sync: replay from the buffer when possible, else a snapshot. The caller has already
 * put the socket in its rooms, so every later event reaches it live; the snapshot's seq is taken
 * before the database is read, so the snapshot is at least as new as that seq (events are full
 * state per entity: re-applying one the snapshot already contains is harmless).
 */
export async function answerSync<E, D extends object>(
  stream: EventStream<E>,
  request: unknown,
  rooms: readonly string[],
  now: () => number,
  load: () => Promise<D>,
): Promise<SyncResponse<E, { epoch: string; seq: number; at: string } & D>> {
  const decision = stream.decide(request, rooms);
  if (decision.mode === 'replay') return { mode: 'replay', epoch: stream.epoch, events: decision.events };
  const seq = stream.seq;
  const at = new Date(now()).toISOString();
  const data = await load();
  return { mode: 'snapshot', snapshot: { epoch: stream.epoch, seq, at, ...data } };
}
