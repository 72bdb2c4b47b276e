import type { LeaderLock, LeaderLockFactory } from './leader-lock';

/** What a node knows about leadership: whether it leads, under which term, and whether anyone does. */
export interface LeadershipState {
  isLeader: boolean;
  /** The fencing token this node was elected with; null while following. */
  term: number | null;
  /** Whether some node held the lock at the last check (this one included). */
  leaderPresent: boolean;
}

export const FOLLOWER: LeadershipState = { isLeader: false, term: null, leaderPresent: false };

interface ElectionLog {
  log(message: object): void;
  warn(message: object): void;
}

/**
 * The election round by round, without timers: a follower tries the lock (opening its session
 * first); the leader re-reads the term on its session, which proves the session alive and that
 * nobody was elected since. Any failure of the session while leading is a step-down at once: the
 * lock may already be gone, and another node may be taking over.
 */
export class LeaderElection {
  private lock: LeaderLock | undefined;
  private state: LeadershipState = FOLLOWER;
  private round: Promise<void> | undefined;
  private closed = false;
  private openFailedLogged = false;

  constructor(
    private readonly open: LeaderLockFactory,
    private readonly holder: string,
    private readonly onChange: (state: LeadershipState) => void,
    private readonly onResults: (payload: string) => void,
    private readonly log: ElectionLog,
  ) {}

  get current(): LeadershipState {
    return this.state;
  }

  /** One round; concurrent callers share the round in progress. */
  tick(): Promise<void> {
    this.round ??= this.runRound().finally(() => (this.round = undefined));
    return this.round;
  }

  /** Gives up leadership now (the session is closed, so the lock is released if still held). */
  stepDown(reason: string): void {
    const lock = this.lock;
    this.lock = undefined;
    if (lock) void lock.close();
    if (this.state.isLeader)
      this.log.warn({ event: 'leadership.stepped_down', term: this.state.term, reason });
    this.set({ isLeader: false, term: null, leaderPresent: false });
  }

  /** Ends the election for good: releases the lock (when leading) by closing the session. */
  async close(): Promise<void> {
    this.closed = true;
    await this.round?.catch(() => undefined);
    const lock = this.lock;
    this.lock = undefined;
    this.set(FOLLOWER);
    await lock?.close();
  }

  private async runRound(): Promise<void> {
    if (this.closed) return;
    if (this.state.isLeader) return this.confirm();
    const lock = this.lock ?? (await this.openLock());
    if (!lock) return;
    try {
      const term = await lock.tryAcquire(this.holder);
      if (lock !== this.lock || this.closed) return;
      if (term !== null) {
        this.log.log({ event: 'leadership.elected', term, holder: this.holder });
        this.set({ isLeader: true, term, leaderPresent: true });
      } else {
        const present = await lock.held();
        if (lock === this.lock) this.set({ ...this.state, leaderPresent: present });
      }
    } catch (err) {
      if (lock === this.lock) this.stepDown(`lock session failed: ${errorText(err)}`);
    }
  }

  private async confirm(): Promise<void> {
    const lock = this.lock;
    if (!lock) return this.stepDown('lock session gone');
    try {
      const term = await lock.currentTerm();
      if (lock !== this.lock) return;
      if (term !== this.state.term) this.stepDown(`term moved on to ${term}`);
    } catch (err) {
      if (lock === this.lock) this.stepDown(`lock session failed: ${errorText(err)}`);
    }
  }

  private async openLock(): Promise<LeaderLock | undefined> {
    let lock: LeaderLock | undefined;
    try {
      lock = await this.open({
        onLost: (reason) => {
          if (lock !== undefined && this.lock === lock) this.stepDown(`lock session lost: ${reason}`);
        },
        onResults: (payload) => this.onResults(payload),
      });
      if (this.closed) {
        await lock.close();
        return undefined;
      }
      this.lock = lock;
      this.openFailedLogged = false;
      return lock;
    } catch (err) {
      if (!this.openFailedLogged) this.log.warn({ event: 'leadership.session_failed', err: errorText(err) });
      this.openFailedLogged = true;
      this.set({ ...this.state, leaderPresent: false });
      return undefined;
    }
  }

  private set(next: LeadershipState): void {
    const prev = this.state;
    this.state = next;
    if (
      prev.isLeader !== next.isLeader ||
      prev.term !== next.term ||
      prev.leaderPresent !== next.leaderPresent
    )
      this.onChange(next);
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
