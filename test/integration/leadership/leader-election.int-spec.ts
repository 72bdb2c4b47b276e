import { Global, INestApplicationContext, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { Test } from '@nestjs/testing';
import { firstValueFrom, filter, take, timeout } from 'rxjs';
import { DataSource } from 'typeorm';
import { loadAppConfig } from '../../../apps/api/src/config/app-config';
import { ConfigModule } from '../../../apps/api/src/config/config.module';
import { DatabaseModule } from '../../../apps/api/src/database/database.module';
import { inTransaction } from '../../../apps/api/src/database/sql-executor';
import { LeaderFence } from '../../../apps/api/src/leadership/leader-fence.service';
import {
  LEADER_LOCK_FACTORY,
  LEADER_LOCK_KEY,
  LeaderLockFactory,
  RESULTS_CHANNEL,
} from '../../../apps/api/src/leadership/leader-lock';
import { FencedOutError } from '../../../apps/api/src/leadership/leadership.errors';
import { LeadershipModule } from '../../../apps/api/src/leadership/leadership.module';
import { LeadershipService } from '../../../apps/api/src/leadership/leadership.service';
import { formatResultsNotice } from '../../../apps/api/src/leadership/results-notice';
import { PgLeaderLock } from '../../../apps/api/src/leadership/pg-leader-lock';
import { MetricsModule } from '../../../apps/api/src/metrics/metrics.module';
import { createCatalogTestDatabase } from '../catalog/support/catalog-test-database';

/**
 * Two API nodes (Nest applications with the leadership module) in one real PostgreSQL database:
 * one leads, the other follows; killing the leader's lock session (as a crash or a network cut
 * does) makes the follower take over under a higher term, and the fencing token refuses the old
 * leader's late writes.
 */
describe('leader election over one database (two nodes)', () => {
  let db: { url: string; drop: () => Promise<void> };
  const nodes: INestApplicationContext[] = [];

  /** Nodes whose network to the database is cut: their new lock sessions fail to connect. */
  const cut = new Set<string>();

  async function startNode(url: string, name: string): Promise<INestApplicationContext> {
    const config = loadAppConfig(
      {},
      { DATABASE_URL: url, KUZET_LOG_LEVEL: 'silent', KUZET_LEADER_CHECK_MS: '200' },
    );
    // the real PostgreSQL lock session, unless this node is cut off
    const factory: LeaderLockFactory = async (events) => {
      if (cut.has(name)) throw new Error(`${name}: network cut`);
      return PgLeaderLock.factory(url, 'kuzet-leader', 5_000)(events);
    };
    @Global()
    @Module({
      providers: [{ provide: LEADER_LOCK_FACTORY, useValue: factory }],
      exports: [LEADER_LOCK_FACTORY],
    })
    class NetworkModule {}
    const moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(config),
        ScheduleModule.forRoot(),
        DatabaseModule.forRoot(),
        MetricsModule,
        NetworkModule,
        LeadershipModule,
      ],
    })
      .setLogger(false as never)
      .compile();
    const app = await moduleRef.init();
    await app.get(LeadershipService).ready();
    nodes.push(app);
    return app;
  }

  async function waitUntil(label: string, ms: number, ok: () => boolean): Promise<void> {
    const until = Date.now() + ms;
    while (!ok()) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${label}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Terminates the backend holding the leader lock (what PostgreSQL does when its client dies). */
  async function killLockSession(ds: DataSource): Promise<number> {
    const rows: { pid: number }[] = await ds.query(
      `SELECT pg_terminate_backend(l.pid) AS killed, l.pid FROM pg_locks l
        WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $1 AND l.objid = $2 AND l.objsubid = 2
          AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      [...LEADER_LOCK_KEY],
    );
    return rows.length;
  }

  beforeAll(async () => {
    db = await createCatalogTestDatabase();
  });

  afterAll(async () => {
    for (const n of nodes.reverse()) await n.close().catch(() => undefined);
    await db.drop();
  });

  it('one leads, the other follows; the follower takes over when the leader lock session dies; late writes are fenced', async () => {
    const a = await startNode(db.url, 'a');
    const b = await startNode(db.url, 'b');
    const la = a.get(LeadershipService);
    const lb = b.get(LeadershipService);
    expect(la.status()).toEqual({ isLeader: true, term: expect.any(Number), leaderPresent: true });
    expect(lb.status()).toEqual({ isLeader: false, term: null, leaderPresent: true });
    const firstTerm = la.status().term!;

    // the leader's fenced write commits
    const ds = a.get(DataSource);
    await ds.query('CREATE TABLE leader_writes (n int, by text)');
    await inTransaction(ds, async (sql) => {
      await a.get(LeaderFence).assertHeld(sql);
      await sql.query("INSERT INTO leader_writes VALUES (1, 'a')");
    });
    // a follower's is refused
    await expect(
      inTransaction(b.get(DataSource), async (sql) => {
        await b.get(LeaderFence).assertHeld(sql);
        await sql.query("INSERT INTO leader_writes VALUES (2, 'b as follower')");
      }),
    ).rejects.toBeInstanceOf(FencedOutError);

    // a follower's notice of durable results reaches the leader (and only the leader listens)
    const notice = firstValueFrom(la.remoteResults$.pipe(take(1), timeout(10_000)));
    await b
      .get(DataSource)
      .query('SELECT pg_notify($1, $2)', [
        RESULTS_CHANNEL,
        formatResultsNotice({ node: lb.nodeId, fromMs: 1234 }),
      ]);
    expect(await notice).toEqual({ node: lb.nodeId, fromMs: 1234 });

    // A's leader transaction is in flight (holding the term row shared) when its lock session dies
    const late = ds.createQueryRunner();
    await late.connect();
    await late.startTransaction();
    await a.get(LeaderFence).assertHeld({ query: (q, p) => late.query(q, p ? [...p] : undefined) });
    cut.add('a');
    expect(await killLockSession(ds)).toBe(1);
    await waitUntil('a steps down', 10_000, () => !la.isLeader);
    // B has the lock now but its term bump waits for A's transaction, which commits before it
    await late.query("INSERT INTO leader_writes VALUES (3, 'a, in flight')");
    await late.commitTransaction();
    await late.release();
    const promoted = firstValueFrom(
      lb.changes$.pipe(
        filter((s) => s.isLeader),
        timeout(15_000),
      ),
    );
    expect((await promoted).term).toBeGreaterThan(firstTerm);
    expect(lb.status()).toEqual({ isLeader: true, term: expect.any(Number), leaderPresent: true });

    // a deposed leader that has not noticed yet: its write with the old term is refused, rolled back
    const stale = new LeaderFence({
      status: () => ({ isLeader: true, term: firstTerm, leaderPresent: true }),
      stepDown: () => undefined,
    } as unknown as LeadershipService);
    await expect(
      inTransaction(ds, async (sql) => {
        await sql.query("INSERT INTO leader_writes VALUES (4, 'a, deposed')");
        await stale.assertHeld(sql);
      }),
    ).rejects.toBeInstanceOf(FencedOutError);
    await inTransaction(b.get(DataSource), async (sql) => {
      await b.get(LeaderFence).assertHeld(sql);
      await sql.query("INSERT INTO leader_writes VALUES (5, 'b')");
    });
    const rows: { n: number; by: string }[] = await ds.query('SELECT n, by FROM leader_writes ORDER BY n');
    expect(rows).toEqual([
      { n: 1, by: 'a' },
      { n: 3, by: 'a, in flight' },
      { n: 5, by: 'b' },
    ]);

    // A's network is back: a new lock session, as a follower (never two leaders)
    cut.delete('a');
    await new Promise((r) => setTimeout(r, 1_000));
    expect(la.status()).toEqual({ isLeader: false, term: null, leaderPresent: true });
    const holders: { holder: string; term: string }[] = await ds.query('SELECT holder, term FROM leadership');
    expect(holders).toEqual([{ holder: lb.nodeId, term: String(lb.status().term) }]);
  }, 60_000);
});
