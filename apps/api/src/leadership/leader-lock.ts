/**
 * What the election needs from its dedicated database session (see PgLeaderLock): the lock is a
 * session-level advisory lock, so it lives exactly as long as this one connection.
 */
export interface LeaderLock {
  /** Takes the lock if free; on success bumps the term in the same transaction and returns it. */
  tryAcquire(holder: string): Promise<number | null>;
  /** The current term as the database has it (also proves the session is alive). */
  currentTerm(): Promise<number>;
  /** Whether some session (any node) holds the lock now. */
  held(): Promise<boolean>;
  /** Closes the session (releasing the lock if held). */
  close(): Promise<void>;
}

/** Opens a lock session; `onLost` is called once if the session breaks on its own. */
export type LeaderLockFactory = (events: {
  onLost(reason: string): void;
  onResults(payload: string): void;
}) => Promise<LeaderLock>;

/** The advisory lock key pair (classid, objid in pg_locks): 'kz' and 1. */
export const LEADER_LOCK_KEY: readonly [number, number] = [0x6b7a, 1];

/** The NOTIFY channel on which followers tell the leader that results became durable. */
export const RESULTS_CHANNEL = 'kuzet_results';

/** Injection token: replaces the PostgreSQL lock session (tests of the election). */
export const LEADER_LOCK_FACTORY = Symbol('LEADER_LOCK_FACTORY');
