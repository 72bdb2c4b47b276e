import { randomBytes } from 'node:crypto';
import type { SyncRequest } from '@kuzet/contracts';
import { ReplayBuffer } from './replay-buffer';

/** What a sync request gets: the missed events, or null for "send a snapshot". */
export type SyncDecision<E> = { mode: 'replay'; events: E[] } | { mode: 'snapshot' };

const EPOCH_PATTERN = /^[0-9a-f]{1,64}$/;

/**
 * One namespace's event stream: a random epoch per process start, a sequence number that grows by
 * one per event, and the replay buffer of the last events. Not thread-safe by design: Node runs
 * each publish to completion, so seq order is emit order.
 */
export class EventStream<E> {
  readonly epoch: string;
  private lastSeq = 0;
  private readonly buffer: ReplayBuffer<E>;

  constructor(replayEvents: number, epoch: string = randomBytes(8).toString('hex')) {
    this.epoch = epoch;
    this.buffer = new ReplayBuffer<E>(replayEvents);
  }

  /** The sequence number of the newest event (0 before the first). */
  get seq(): number {
    return this.lastSeq;
  }

  /**
   * Gives the next sequence number to `build`, and keeps the event for replay unless it is
   * volatile (superseded by the next of its kind, such as a results summary).
   */
  next(rooms: readonly string[], build: (seq: number) => E, keep = true): E {
    const seq = ++this.lastSeq;
    const event = build(seq);
    if (keep) this.buffer.push(seq, rooms, event);
    return event;
  }

  /**
   * Replay when the client's epoch is this one, its last_seq is a plausible number of this
   * epoch, and nothing its rooms received since was dropped; otherwise a snapshot.
   */
  decide(request: unknown, rooms: readonly string[]): SyncDecision<E> {
    const { epoch, last_seq } = parseSyncRequest(request);
    if (epoch !== this.epoch || last_seq === undefined || last_seq > this.lastSeq)
      return { mode: 'snapshot' };
    const events = this.buffer.since(last_seq, rooms);
    return events === null ? { mode: 'snapshot' } : { mode: 'replay', events };
  }
}

/** A client's sync request, leniently: anything malformed simply means "I have nothing". */
export function parseSyncRequest(request: unknown): SyncRequest {
  if (typeof request !== 'object' || request === null) return {};
  const { epoch, last_seq } = request as Record<string, unknown>;
  if (typeof epoch !== 'string' || !EPOCH_PATTERN.test(epoch)) return {};
  if (typeof last_seq !== 'number' || !Number.isSafeInteger(last_seq) || last_seq < 0) return { epoch };
  return { epoch, last_seq };
}
