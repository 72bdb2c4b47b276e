import { Client } from 'pg';
import { LEADER_LOCK_KEY, LeaderLock, LeaderLockFactory, RESULTS_CHANNEL } from './leader-lock';

/**
 * The election's own PostgreSQL session, outside the pool: a pooled connection could be handed to
 * other work or recycled, and the advisory lock would travel or vanish with it. It also LISTENs
 * for followers' result notices, which only matter while it leads. A silent network cut must not
 * leave either side waiting for hours: every statement has a client-side timeout (the leader then
 * steps down), and TCP keepalives on both ends (the server then ends the session and frees the
 * lock after about 25 s).
 */
export class PgLeaderLock implements LeaderLock {
  private closed = false;

  private constructor(private readonly client: Client) {}

  static factory(url: string, applicationName: string, statementTimeoutMs: number): LeaderLockFactory {
    return async (events) => {
      const client = new Client({
        connectionString: url,
        application_name: applicationName,
        keepAlive: true,
        keepAliveInitialDelayMillis: 10_000,
        query_timeout: statementTimeoutMs,
        connectionTimeoutMillis: statementTimeoutMs,
      });
      const lock = new PgLeaderLock(client);
      const lost = (reason: string) => {
        if (lock.closed) return;
        lock.closed = true;
        events.onLost(reason);
      };
      client.on('error', (err) => lost(err.message));
      client.on('end', () => lost('connection ended'));
      client.on('notification', (msg) => {
        if (msg.channel === RESULTS_CHANNEL && msg.payload) events.onResults(msg.payload);
      });
      try {
        await client.connect();
        await client.query(
          'SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5; SET tcp_keepalives_count = 3',
        );
        await client.query(`LISTEN ${RESULTS_CHANNEL}`);
      } catch (err) {
        lock.closed = true;
        await client.end().catch(() => undefined);
        throw err;
      }
      return lock;
    };
  }

  async tryAcquire(holder: string): Promise<number | null> {
    await this.client.query('BEGIN');
    try {
      const got = await this.client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', [
        ...LEADER_LOCK_KEY,
      ]);
      if (!got.rows[0]?.ok) {
        await this.client.query('COMMIT');
        return null;
      }
      const bumped = await this.client.query<{ term: string }>(
        'UPDATE leadership SET term = term + 1, holder = $1, since = now() WHERE id = 1 RETURNING term',
        [holder],
      );
      await this.client.query('COMMIT');
      return Number(bumped.rows[0].term);
    } catch (err) {
      // A failed transaction: the session-level lock (if taken) is not undone by ROLLBACK.
      await this.client.query('ROLLBACK').catch(() => undefined);
      await this.client
        .query('SELECT pg_advisory_unlock($1, $2)', [...LEADER_LOCK_KEY])
        .catch(() => undefined);
      throw err;
    }
  }

  async currentTerm(): Promise<number> {
    const res = await this.client.query<{ term: string }>('SELECT term FROM leadership WHERE id = 1');
    return Number(res.rows[0]?.term ?? 0);
  }

  async held(): Promise<boolean> {
    const res = await this.client.query<{ held: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted
          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND classid = $1 AND objid = $2 AND objsubid = 2) AS held`,
      [...LEADER_LOCK_KEY],
    );
    return res.rows[0]?.held === true;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.client.end().catch(() => undefined);
  }
}
