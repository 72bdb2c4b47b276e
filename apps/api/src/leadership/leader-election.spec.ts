import { LeaderElection, LeadershipState } from './leader-election';
import type { LeaderLock, LeaderLockFactory } from './leader-lock';

/** One "database": an advisory lock owned by at most one session, and the term row. */
class FakeServer {
  owner: FakeSession | null = null;
  term = 0;
  failOpen = false;
  open(): LeaderLockFactory {
    return async (events) => {
      if (this.failOpen) throw new Error('connection refused');
      return new FakeSession(this, events.onLost);
    };
  }
}

class FakeSession implements LeaderLock {
  alive = true;
  constructor(
    private readonly server: FakeServer,
    private readonly onLost: (reason: string) => void,
  ) {}
  async tryAcquire(): Promise<number | null> {
    this.assertAlive();
    if (this.server.owner && this.server.owner !== this) return null;
    this.server.owner = this;
    return ++this.server.term;
  }
  async currentTerm(): Promise<number> {
    this.assertAlive();
    return this.server.term;
  }
  async held(): Promise<boolean> {
    this.assertAlive();
    return this.server.owner !== null;
  }
  async close(): Promise<void> {
    this.release();
  }
  /** The connection breaks: the server frees the lock, the client hears of it. */
  kill(): void {
    this.release();
    this.onLost('terminated');
  }
  private release(): void {
    this.alive = false;
    if (this.server.owner === this) this.server.owner = null;
  }
  private assertAlive(): void {
    if (!this.alive) throw new Error('connection closed');
  }
}

function node(server: FakeServer, name: string) {
  const changes: LeadershipState[] = [];
  const quiet = { log: () => undefined, warn: () => undefined };
  const election = new LeaderElection(
    server.open(),
    name,
    (s) => changes.push(s),
    () => undefined,
    quiet,
  );
  return { election, changes };
}

describe('LeaderElection', () => {
  it('a lone node leads after its first round, with term 1', async () => {
    const server = new FakeServer();
    const a = node(server, 'a');
    await a.election.tick();
    expect(a.election.current).toEqual({ isLeader: true, term: 1, leaderPresent: true });
    expect(a.changes).toHaveLength(1);
  });

  it('a second node follows and sees a leader present', async () => {
    const server = new FakeServer();
    const a = node(server, 'a');
    const b = node(server, 'b');
    await a.election.tick();
    await b.election.tick();
    await b.election.tick();
    expect(b.election.current).toEqual({ isLeader: false, term: null, leaderPresent: true });
    expect(a.election.current.isLeader).toBe(true);
  });

  it('the leader steps down at once when its lock session dies; the follower takes over with a higher term', async () => {
    const server = new FakeServer();
    const a = node(server, 'a');
    const b = node(server, 'b');
    await a.election.tick();
    await b.election.tick();
    (server.owner as FakeSession).kill();
    expect(a.election.current).toEqual({ isLeader: false, term: null, leaderPresent: false });
    await b.election.tick();
    expect(b.election.current).toEqual({ isLeader: true, term: 2, leaderPresent: true });
    // a comes back as a follower (a new session), never a second leader
    await a.election.tick();
    expect(a.election.current).toEqual({ isLeader: false, term: null, leaderPresent: true });
  });

  it('a leader whose term moved on (another node was elected) steps down at its next check', async () => {
    const server = new FakeServer();
    const a = node(server, 'a');
    await a.election.tick();
    server.term = 7;
    await a.election.tick();
    expect(a.election.current.isLeader).toBe(false);
  });

  it('a leader whose session fails a check steps down', async () => {
    const server = new FakeServer();
    const a = node(server, 'a');
    await a.election.tick();
    (server.owner as FakeSession).alive = false;
    await a.election.tick();
    expect(a.election.current.isLeader).toBe(false);
  });

  it('no database: follows, no leader present, and elects itself once the database answers', async () => {
    const server = new FakeServer();
    server.failOpen = true;
    const a = node(server, 'a');
    await a.election.tick();
    expect(a.election.current).toEqual({ isLeader: false, term: null, leaderPresent: false });
    server.failOpen = false;
    await a.election.tick();
    expect(a.election.current.isLeader).toBe(true);
  });

  it('close() releases the lock for the next node', async () => {
    const server = new FakeServer();
    const a = node(server, 'a');
    const b = node(server, 'b');
    await a.election.tick();
    await a.election.close();
    expect(server.owner).toBeNull();
    await b.election.tick();
    expect(b.election.current.isLeader).toBe(true);
    await a.election.tick();
    expect(a.election.current.isLeader).toBe(false);
  });
});
