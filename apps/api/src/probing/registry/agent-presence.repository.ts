import { Inject, Injectable } from '@nestjs/common';
import { SQL_EXECUTOR, SqlExecutor } from '../../database/sql-executor';

export interface AgentPresence {
  agentId: string;
  region: string;
}

/** An agent and when it was last seen alive (epoch ms). */
export interface AgentSighting extends AgentPresence {
  at: number;
}

/** probe_agents: the agents each API node has seen polling, shared by all nodes. */
@Injectable()
export class AgentPresenceRepository {
  constructor(@Inject(SQL_EXECUTOR) private readonly db: SqlExecutor) {}

  async touch(agents: readonly AgentSighting[], node: string): Promise<void> {
    if (agents.length === 0) return;
    await this.db.query(
      `INSERT INTO probe_agents (agent_id, region, last_seen, node)
       SELECT a.agent_id, a.region, a.at, $4
         FROM unnest($1::text[], $2::text[], $3::timestamptz[]) AS a (agent_id, region, at)
       ON CONFLICT (agent_id) DO UPDATE
         SET region = EXCLUDED.region, last_seen = GREATEST(probe_agents.last_seen, EXCLUDED.last_seen), node = EXCLUDED.node`,
      [agents.map((a) => a.agentId), agents.map((a) => a.region), agents.map((a) => new Date(a.at)), node],
    );
  }

  /** Agents seen since `since` (by any node); older rows are deleted on the way. */
  async liveSince(since: Date): Promise<AgentPresence[]> {
    await this.db.query('DELETE FROM probe_agents WHERE last_seen < $1', [since]);
    const rows = await this.db.query<{ agent_id: string; region: string }>(
      'SELECT agent_id, region FROM probe_agents WHERE last_seen >= $1 ORDER BY agent_id',
      [since],
    );
    return rows.map((r) => ({ agentId: r.agent_id, region: r.region }));
  }
}
