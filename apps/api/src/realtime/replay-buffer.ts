/** One kept event and the rooms it went to. */
interface Entry<E> {
  seq: number;
  rooms: readonly string[];
  event: E;
}

/**
 * The last `capacity` events of one namespace, in sequence order, each with its rooms. It also
 * remembers, per room, the highest sequence number it had to drop: a reconnecting socket can be
 * replayed only when none of the events its rooms would have received was dropped.
 */
export class ReplayBuffer<E> {
  private readonly entries: (Entry<E> | undefined)[];
  private start = 0;
  private size = 0;
  private readonly evictedUpTo = new Map<string, number>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError('capacity must be a positive integer');
    this.entries = new Array<Entry<E> | undefined>(capacity);
  }

  get length(): number {
    return this.size;
  }

  /** Keeps an event; `seq` must be above every kept one. Drops the oldest when full. */
  push(seq: number, rooms: readonly string[], event: E): void {
    const last = this.at(this.size - 1);
    if (last && seq <= last.seq) throw new RangeError(`seq ${seq} is not above ${last.seq}`);
    if (this.size === this.capacity) {
      const dropped = this.entries[this.start] as Entry<E>;
      for (const room of dropped.rooms) this.evictedUpTo.set(room, dropped.seq);
      this.entries[this.start] = { seq, rooms, event };
      this.start = (this.start + 1) % this.capacity;
    } else {
      this.entries[(this.start + this.size) % this.capacity] = { seq, rooms, event };
      this.size++;
    }
  }

  /**
   * The kept events after `lastSeq` that reached any of `rooms`, oldest first; null when one of
   * them was already dropped (the socket needs a snapshot instead).
   */
  since(lastSeq: number, rooms: readonly string[]): E[] | null {
    for (const room of rooms) if ((this.evictedUpTo.get(room) ?? 0) > lastSeq) return null;
    const out: E[] = [];
    for (let i = this.firstAfter(lastSeq); i < this.size; i++) {
      const entry = this.at(i) as Entry<E>;
      if (entry.rooms.some((r) => rooms.includes(r))) out.push(entry.event);
    }
    return out;
  }

  private at(i: number): Entry<E> | undefined {
    return i < 0 || i >= this.size ? undefined : this.entries[(this.start + i) % this.capacity];
  }

  /** Index of the first kept entry with seq > lastSeq (binary search: seqs only grow). */
  private firstAfter(lastSeq: number): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.at(mid) as Entry<E>).seq > lastSeq) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
