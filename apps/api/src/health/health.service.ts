import { Inject, Injectable, Optional } from '@nestjs/common';
import { SQL_EXECUTOR, SqlExecutor } from '../database/sql-executor';
import { StorageModeService } from '../database/storage-mode.service';
import { DetectorService } from '../detection/detector.service';
import { LeadershipService } from '../leadership/leadership.service';
import { EmbeddedAgentService } from '../probing/embedded/embedded-agent.service';
import { ProbingMetrics } from '../probing/metrics/probing-metrics.service';
import { KUZET_VERSION } from '../version';
import type { HealthReport } from './health.dto';
import { HealthClock } from './health-clock';
import { ProbingActivityRepository } from './probing-activity.repository';
import { judgeProbing, ProbingHealth } from './probing-stall';
import { judgeProbeAgent, ProbeAgentHealth } from './probe-agent-health';
import { BackgroundJobsService } from './background-jobs.service';
import { OutboxBacklogRepository } from './outbox-backlog.repository';

const DB_PROBE_TIMEOUT_MS = 2_000;
/** A detector further behind than this is a malfunction: incidents would come late. */
export const DETECTOR_MAX_LAG_S = 60;
/** A due notification waiting longer than this means the notifier is not working (or no node runs it). */
export const NOTIFIER_MAX_DUE_S = 300;

/** Database facts younger than this are answered without a query. */
const FACTS_FRESH_MS = 1_000;
/** Facts up to this old are answered while a refresh runs behind; older ones are waited for. */
const FACTS_STALE_MAX_MS = 5_000;

interface DatabaseFacts {
  database: HealthReport['database'];
  probing: ProbingHealth | null;
  backgroundJobs: HealthReport['background_jobs'];
  notifications: HealthReport['notifications'];
}

/** What /api/health answers: is the process serving and its database reachable, in which mode. */
@Injectable()
export class HealthService {
  private readonly startedAt: number;
  private postgresVersion: string | null = null;
  private facts: { at: number; value: DatabaseFacts } | undefined;
  private refreshing: Promise<DatabaseFacts> | undefined;

  constructor(
    private readonly storage: StorageModeService,
    @Inject(SQL_EXECUTOR) private readonly db: SqlExecutor,
    private readonly clock: HealthClock,
    private readonly probingActivity: ProbingActivityRepository,
    private readonly backgroundJobs: BackgroundJobsService,
    private readonly outbox: OutboxBacklogRepository,
    @Optional() private readonly detector?: DetectorService,
    @Optional() private readonly leadership?: LeadershipService,
    @Optional() private readonly embeddedAgent?: EmbeddedAgentService,
    @Optional() private readonly probingMetrics?: ProbingMetrics,
  ) {
    this.startedAt = clock.now();
  }

  async report(): Promise<HealthReport> {
    const { database, probing, backgroundJobs, notifications } = await this.databaseFacts();
    const detector = this.detector
      ? {
          ok: this.detector.lagSeconds() <= DETECTOR_MAX_LAG_S,
          lag_s: Math.round(this.detector.lagSeconds() * 1000) / 1000,
          queued_rows: this.detector.queuedRows(),
        }
      : null;
    const leader = this.leadership ? this.leaderHealth(this.leadership) : null;
    const probeAgent = this.probeAgent();
    const parts = [detector, leader, probing, probeAgent, backgroundJobs, notifications];
    return {
      status: database.ok && parts.every((p) => p?.ok ?? true) ? 'ok' : 'degraded',
      detector,
      leader,
      probing,
      probe_agent: probeAgent,
      background_jobs: backgroundJobs,
      notifications,
      storage: { mode: this.storage.getMode(), timescaledb: this.storage.getTimescaleVersion() },
      database,
      versions: { kuzet: KUZET_VERSION, node: process.versions.node, postgres: this.postgresVersion },
      uptime_s: Math.round((this.clock.now() - this.startedAt) / 1000),
    };
  }

  private leaderHealth(leadership: LeadershipService): HealthReport['leader'] {
    const s = leadership.status();
    return { ok: s.leaderPresent, is_leader: s.isLeader, term: s.term };
  }

  /** The embedded agent's line; null where none runs on this node. */
  private probeAgent(): ProbeAgentHealth | null {
    const status = this.embeddedAgent?.status();
    if (!status || !this.probingMetrics) return null;
    return judgeProbeAgent(status, this.probingMetrics.probeLoad(this.clock.now()));
  }

  /**
   * What the database says, read at most once per FACTS_FRESH_MS whatever the request rate: a
   * monitor polling /api/health on a busy node waits for no query (the facts are served up to
   * FACTS_STALE_MAX_MS old while one refresh runs behind); older facts are read before answering.
   */
  private async databaseFacts(): Promise<DatabaseFacts> {
    const age = this.facts ? this.clock.now() - this.facts.at : Infinity;
    if (age <= FACTS_FRESH_MS) return this.facts!.value;
    const refresh = this.refreshFacts();
    return age <= FACTS_STALE_MAX_MS ? this.facts!.value : refresh;
  }

  private refreshFacts(): Promise<DatabaseFacts> {
    this.refreshing ??= (async () => {
      const at = this.clock.now();
      const database = await this.probeDatabase();
      const [probing, backgroundJobs, notifications] = database.ok
        ? await Promise.all([this.probing(), this.jobs(), this.notifications()])
        : [null, null, null];
      const value: DatabaseFacts = { database: { ...database, checked_at: new Date(at).toISOString() }, probing, backgroundJobs, notifications };
      this.facts = { at, value };
      return value;
    })().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  /** Null when it cannot be told (the query failed): the database entry says why. */
  private async probing(): Promise<ProbingHealth | null> {
    const now = this.clock.now();
    try {
      const activity = await this.probingActivity.activity(new Date(now));
      return judgeProbing({ ...activity, now, since: this.startedAt });
    } catch {
      return null;
    }
  }

  /** Not ok when the jobs cannot be read: TimescaleDB's views failing is itself a fault. */
  private async jobs(): Promise<HealthReport['background_jobs']> {
    try {
      return await this.backgroundJobs.health(this.clock.now());
    } catch (error) {
      return { ok: false, source: this.storage.getMode() === 'timescaledb' ? 'timescaledb' : 'process', jobs: [], error: (error as Error).message };
    }
  }

  private async notifications(): Promise<HealthReport['notifications']> {
    try {
      const b = await this.outbox.backlog(new Date(this.clock.now()));
      const oldest = b.oldestDueS === null ? null : Math.round(b.oldestDueS);
      return { ok: oldest === null || oldest <= NOTIFIER_MAX_DUE_S, unsent: b.unsent, oldest_due_s: oldest, max_due_s: NOTIFIER_MAX_DUE_S };
    } catch {
      return null;
    }
  }

  private async probeDatabase(): Promise<Omit<HealthReport['database'], 'checked_at'>> {
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('database probe timed out')), DB_PROBE_TIMEOUT_MS);
      });
      const rows = await Promise.race([this.db.query<{ v: string }>("SELECT current_setting('server_version') AS v"), timeout]);
      this.postgresVersion = rows[0]?.v ?? null;
      return { ok: true, latency_ms: Date.now() - started };
    } catch (error) {
      return { ok: false, latency_ms: Date.now() - started, error: (error as Error).message };
    } finally {
      clearTimeout(timer);
    }
  }
}
