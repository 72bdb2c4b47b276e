import type { BoardEvent, BoardSnapshot, SyncRequest, SyncResponse } from '@kuzet/contracts/realtime/realtime-events';

/** Where applied events and snapshots go (the board store). */
export interface BoardStreamSink {
  applySnapshot(snapshot: BoardSnapshot): void;
  applyEvent(event: BoardEvent): void;
}

/** What the socket layer must do after feeding a live event in. */
export type LiveOutcome = 'applied' | 'duplicate' | 'buffered' | 'resync';

/**
 * The client half of the board stream protocol, pure (no socket, no clock):
 *  - on every connect the client asks `sync` with what it last applied;
 *  - live events that arrive while a sync is in flight are buffered, then applied on top of
 *    the replay or snapshot when their seq is above it;
 *  - an event is applied only when its seq is above the last applied one (dedupe, order);
 *  - an event of another epoch (the server restarted) means a fresh snapshot is needed.
 */
/** Live events kept while a sync is pending; beyond this a snapshot is cheaper than catching up. */
export const MAX_BUFFERED_EVENTS = 20_000;

export class BoardStreamSync {
  private epoch: string | undefined;
  private overflowed = false;
  private lastSeq = -1;
  private syncing = false;
  private buffer: BoardEvent[] = [];

  constructor(private readonly sink: BoardStreamSink) {}

  get position(): { epoch: string | undefined; lastSeq: number; syncing: boolean } {
    return { epoch: this.epoch, lastSeq: this.lastSeq, syncing: this.syncing };
  }

  /** Starts a sync; `fresh` forgets the position so the server answers with a snapshot. */
  beginSync(fresh = false): SyncRequest {
    if (fresh || this.overflowed) {
      this.overflowed = false;
      this.epoch = undefined;
      this.lastSeq = -1;
    }
    this.syncing = true;
    return this.epoch === undefined ? {} : { epoch: this.epoch, last_seq: this.lastSeq };
  }

  /** A sync failed (timeout, disconnect): live events stay buffered until the next sync. */
  abortSync(): void {
    this.syncing = false;
  }

  onLive(event: BoardEvent): LiveOutcome {
    if (this.syncing) {
      this.keep(event);
      return 'buffered';
    }
    if (event.epoch !== this.epoch) {
      // Kept: it is newer than the snapshot the resync will bring only if its seq says so.
      this.keep(event);
      return 'resync';
    }
    return this.applyIfNew(event) ? 'applied' : 'duplicate';
  }

  /**
   * Applies a sync answer, then the buffered live events that are newer. `resync` is true when the
   * answer cannot be stacked on what the client has (a replay of another epoch): ask for a snapshot.
   */
  onSyncResponse(response: SyncResponse<BoardEvent, BoardSnapshot>): { applied: number; resync: boolean } {
    let applied = 0;
    if (response.mode === 'snapshot') {
      const s = response.snapshot;
      this.sink.applySnapshot(s);
      this.epoch = s.epoch;
      this.lastSeq = s.seq;
    } else {
      if (response.epoch !== this.epoch) {
        this.syncing = false;
        return { applied: 0, resync: true };
      }
      for (const e of [...response.events].sort((a, b) => a.seq - b.seq)) if (this.applyIfNew(e)) applied++;
    }
    const buffered = this.buffer.filter((e) => e.epoch === this.epoch).sort((a, b) => a.seq - b.seq);
    this.buffer = [];
    for (const e of buffered) if (this.applyIfNew(e)) applied++;
    this.syncing = false;
    return { applied, resync: false };
  }

  private keep(event: BoardEvent): void {
    if (this.buffer.length >= MAX_BUFFERED_EVENTS) {
      // Too far behind to replay: forget the position, the next sync brings a snapshot.
      this.buffer = [];
      this.overflowed = true;
    }
    this.buffer.push(event);
  }

  private applyIfNew(event: BoardEvent): boolean {
    if (event.epoch !== this.epoch || event.seq <= this.lastSeq) return false;
    this.sink.applyEvent(event);
    this.lastSeq = event.seq;
    return true;
  }
}
