import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';
import { ProbingClock } from '../probing-clock';
import { PROBING_OPTIONS, ProbingOptions } from '../probing.options';

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
 * Remote agents by region, in memory (one API node; with several, this would move to a shared
 * table). An agent is live while a poll of its is open or it polled within agent_ttl_s.
 */
@Injectable()
export class AgentRegistryService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('AgentRegistry');
  private readonly agents = new Map<string, AgentEntry>();
  private readonly subject = new Subject<void>();
  private sweeper: NodeJS.Timeout | undefined;
  /** Emits when the set of live agents (or an agent's region) changed. */
  readonly changes$: Observable<void> = this.subject.asObservable();

  constructor(
    @Inject(PROBING_OPTIONS) private readonly options: ProbingOptions,
    private readonly clock: ProbingClock,
  ) {}

  onModuleInit(): void {
    this.sweeper = this.clock.setInterval(() => this.sweep(), this.options.sweepS * 1000);
  }

  onModuleDestroy(): void {
    if (this.sweeper) this.clock.clearInterval(this.sweeper);
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
    this.logger.log({ event: 'probe_agent.joined', agent: agentId, region, moved_from: existing?.region });
    this.subject.next();
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
    const out = new Map<string, string[]>();
    for (const a of this.agents.values()) {
      const list = out.get(a.region) ?? [];
      list.push(a.agentId);
      out.set(a.region, list);
    }
    for (const list of out.values()) list.sort();
    return out;
  }

  list(): AgentView[] {
    return [...this.agents.values()].map((a) => ({ agentId: a.agentId, region: a.region, lastSeen: new Date(a.lastSeen) }));
  }

  /** Drops agents silent for agent_ttl_s with no poll open. */
  sweep(): void {
    const cutoff = this.clock.now() - this.options.agentTtlS * 1000;
    let changed = false;
    for (const a of [...this.agents.values()]) {
      if (a.openPolls === 0 && a.lastSeen < cutoff) {
        this.agents.delete(a.agentId);
        changed = true;
        this.logger.warn({ event: 'probe_agent.departed', agent: a.agentId, region: a.region, last_seen: new Date(a.lastSeen).toISOString() });
      }
    }
    if (changed) this.subject.next();
  }
}
