import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import { BehaviorSubject, Observable, Subject, distinctUntilChanged, map } from 'rxjs';
import { AppConfig } from '../config/app-config';
import { DatabaseUrlService } from '../database/database-url.service';
import { LeaderElection, LeadershipState } from './leader-election';
import { LEADER_LOCK_FACTORY, LeaderLockFactory } from './leader-lock';
import { LeaderRole, LeaderRoleHooks } from './leader-role';
import { LeadershipMetrics } from './leadership-metrics';
import { parseResultsNotice, ResultsNotice } from './results-notice';
import { PgLeaderLock } from './pg-leader-lock';

/**
 * This node's part in the election (see docs/decisions/0006-leader-election.md): one leader at a
 * time runs the detector, the sweeps, the periodic jobs and the notifier; every node ingests and
 * serves. A lone node wins at once (ready() waits for its first round), so a single node behaves
 * as before. The leader checks its lock session every KUZET_LEADER_CHECK_MS; followers try the
 * lock as often.
 */
@Injectable()
export class LeadershipService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Leadership');
  /** This process, as the other nodes see it (leadership.holder, result notices). */
  readonly nodeId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private readonly election: LeaderElection;
  private readonly state$ = new BehaviorSubject<LeadershipState>({
    isLeader: false,
    term: null,
    leaderPresent: false,
  });
  private readonly notices = new Subject<ResultsNotice>();
  private timer: NodeJS.Timeout | undefined;
  private first: Promise<void> | undefined;

  /** Results made durable on other nodes (their notices; only the leader's session listens). */
  readonly remoteResults$: Observable<ResultsNotice> = this.notices.asObservable();

  constructor(
    private readonly config: AppConfig,
    urls: DatabaseUrlService,
    metrics: LeadershipMetrics,
    @Optional() @Inject(LEADER_LOCK_FACTORY) lockFactory?: LeaderLockFactory,
  ) {
    const open: LeaderLockFactory =
      lockFactory ??
      (async (events) =>
        PgLeaderLock.factory(
          await urls.getUrl(),
          'kuzet-leader',
          Math.max(5_000, 2 * config.leadership.checkMs),
        )(events));
    this.election = new LeaderElection(
      open,
      this.nodeId,
      (state) => this.state$.next(state),
      (payload) => {
        const notice = parseResultsNotice(payload);
        if (notice && notice.node !== this.nodeId) this.notices.next(notice);
      },
      {
        log: (m) => this.logger.log(m),
        warn: (m) => this.logger.warn(m),
      },
    );
    metrics.bind(() => this.state$.value);
  }

  /** Resolves once the first round is over: a lone node leads from then on. */
  ready(): Promise<void> {
    this.first ??= this.election.tick();
    return this.first;
  }

  onApplicationBootstrap(): void {
    void this.ready();
    this.timer = setInterval(() => void this.election.tick(), this.config.leadership.checkMs);
    this.timer.unref();
  }

  /** After every module stopped its loops: then the lock goes, and another node may take over. */
  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.election.close();
    this.notices.complete();
  }

  get isLeader(): boolean {
    return this.state$.value.isLeader;
  }

  /** For health and metrics: whether this node leads, its term, and whether any node leads. */
  status(): LeadershipState {
    return { ...this.state$.value };
  }

  /** Every change of isLeader/term/leaderPresent, starting with the current state. */
  get changes$(): Observable<LeadershipState> {
    return this.state$.asObservable();
  }

  /** Steps down now (a fenced write found that another node was elected). */
  stepDown(reason: string): void {
    this.election.stepDown(reason);
  }

  /** Runs `hooks.start` on each promotion and `hooks.stop` on each step-down, one at a time. */
  whileLeader(name: string, hooks: LeaderRoleHooks): LeaderRole {
    return new LeaderRole(
      name,
      this.state$.pipe(
        map((s) => s.isLeader),
        distinctUntilChanged(),
      ),
      hooks,
      this.logger,
    );
  }
}
