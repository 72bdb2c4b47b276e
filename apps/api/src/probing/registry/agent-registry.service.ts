import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit, Optional } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';
import { LeadershipService } from '../../leadership/leadership.service';
import { ProbingClock } from '../probing-clock';
import { PROBING_OPTIONS, ProbingOptions } from '../probing.options';
import { AgentPresenceRepository, AgentSighting } from './agent-presence.repository';

interface AgentEntry {
  agentId: string;
  region: string;
  lastSeen: number;
  /** Long-polls open right now: an agent waiting on one is live however long it waits. */
  openPolls: number;
}

export interface AgentView {
  agentId: string;
  region: string;
  lastSeen: Date;
}

/**
 * Remote agents by region. An agent is live while a poll of its is open or it polled within
 * agent_ttl_s. With sharedRegistry (the app), the agents polling this node are recorded in
 * probe_agents at each sweep (and at once when they join), and the live set is this node's agents
 * plus those other nodes recorded within the TTL: every node plans over the same agents, so an
 * agent may poll and post to any node, and a dead agent's checks move within TTL + sweep.
 */
@Injectable()
export class AgentRegistryService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('AgentRegistry');
  private readonly agents = new Map<string, AgentEntry>();
  private readonly subject = new Subject<void>();
  /** Agents other nodes (or this one) recorded in probe_agents within the TTL, by id. */
  private shared = new Map<string, string>();
  private sharing: Promise<void> = Promise.resolve();
  private sweeper: NodeJS.Timeout | undefined;
  /** Emits when the set of live agents (or an agent's region) changed. */
  readonly changes$: Observable<void> = this.subject.asObservable();

  constructor(
    @Inject(PROBING_OPTIONS) private readonly options: ProbingOptions,
    private readonly clock: ProbingClock,
    @Optional() private readonly presence?: AgentPresenceRepository,
    @Optional() private readonly leadership?: LeadershipService,
  ) {}

  onModuleInit(): void {
    this.sweeper = this.clock.setInterval(() => this.sweep(), this.options.sweepS * 1000);
  }

  async onModuleDestroy(): Promise<void> {
    if (this.sweeper) this.clock.clearInterval(this.sweeper);
    await this.sharing;
    this.subject.complete();
  }

  /** A poll began: the agent is seen (and joins, or changes region). */
  beginPoll(agentId: string, region: string): void {
    const existing = this.agents.get(agentId);
    const now = this.clock.now();
    if (existing && existing.region === region) {
      existing.lastSeen = now;
      existing.openPolls++;
      return;
    }
    this.agents.set(agentId, { agentId, region, lastSeen: now, openPolls: 1 });
    if (this.shared.get(agentId) !== region)
      this.logger.log({ event: 'probe_agent.joined', agent: agentId, region, moved_from: existing?.region });
    this.subject.next();
    if (this.isShared()) this.share([{ agentId, region, at: now }]);
  }

  /** A poll ended; `answered` = the response went out (the agent is seen again), not a disconnect. */
  endPoll(agentId: string, answered: boolean): void {
    const entry = this.agents.get(agentId);
    if (!entry) return;
    entry.openPolls = Math.max(0, entry.openPolls - 1);
    if (answered) entry.lastSeen = this.clock.now();
  }

  /** Live agent ids by region, sorted. */
  liveByRegion(): Map<string, string[]> {
    const regions = new Map<string, string>(this.shared);
    for (const a of this.agents.values()) regions.set(a.agentId, a.region);
    const out = new Map<string, string[]>();
    for (const [agentId, region] of regions) {
      const list = out.get(region) ?? [];
      list.push(agentId);
      out.set(region, list);
    }
    for (const list of out.values()) list.sort();
    return out;
  }

  list(): AgentView[] {
    return [...this.agents.values()].map((a) => ({
      agentId: a.agentId,
      region: a.region,
      lastSeen: new Date(a.lastSeen),
    }));
  }

  /** Drops agents silent for agent_ttl_s with no poll open. */
  sweep(): void {
    const cutoff = this.clock.now() - this.options.agentTtlS * 1000;
    let changed = false;
    for (const a of [...this.agents.values()]) {
      if (a.openPolls === 0 && a.lastSeen < cutoff) {
        this.agents.delete(a.agentId);
        changed = true;
        // Shared: whether it left every node is known after the next read (refreshShared).
        if (this.isShared()) continue;
        this.logger.warn({
          event: 'probe_agent.departed',
          agent: a.agentId,
          region: a.region,
          last_seen: new Date(a.lastSeen).toISOString(),
        });
      }
    }
    if (changed) this.subject.next();
    if (this.isShared()) this.refreshShared(this.clock.now());
  }

  private isShared(): boolean {
    return this.options.sharedRegistry && this.presence !== undefined;
  }

  /** Records agents in probe_agents (one statement; a failure is logged, the next sweep retries). */
  private share(agents: AgentSighting[]): void {
    this.sharing = this.sharing
      .then(() => this.presence!.touch(agents, this.leadership?.nodeId ?? 'local'))
      .catch((err: unknown) => this.logger.warn({ event: 'probe_agent.share_failed', err: String(err) }));
  }

  /** Records this node's live agents, then reads every node's; a change of the set replans. */
  private refreshShared(at: number): void {
    // An open long-poll is a sign of life now, however long ago it began.
    const mine = [...this.agents.values()].map((a) => ({
      agentId: a.agentId,
      region: a.region,
      at: a.openPolls > 0 ? at : a.lastSeen,
    }));
    this.sharing = this.sharing
      .then(async () => {
        await this.presence!.touch(mine, this.leadership?.nodeId ?? 'local');
        const live = await this.presence!.liveSince(new Date(at - this.options.agentTtlS * 1000));
        const next = new Map(live.map((a) => [a.agentId, a.region]));
        const changed =
          next.size !== this.shared.size || [...next].some(([id, region]) => this.shared.get(id) !== region);
        for (const [id, region] of this.shared)
          if (!next.has(id) && !this.agents.has(id))
            this.logger.warn({
              event: 'probe_agent.departed',
              agent: id,
              region,
              seen_by: 'no node within the TTL',
            });
        this.shared = next;
        if (changed) this.subject.next();
      })
      .catch((err: unknown) => this.logger.warn({ event: 'probe_agent.share_failed', err: String(err) }));
  }
}
