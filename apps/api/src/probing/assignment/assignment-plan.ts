import { createHash } from 'node:crypto';
import type { AssignedCheck } from '@kuzet/contracts';
import type { ProbeCheck } from './probe-check';
import { rendezvousSpread } from './rendezvous-hash';

export const EMBEDDED_AGENT_ID = 'embedded';

export interface PlanInput {
  checks: readonly ProbeCheck[];
  /** Live remote agents by region. */
  agentsByRegion: ReadonlyMap<string, readonly string[]>;
  /** The region the embedded agent serves when no remote agent does; undefined = no embedded agent. */
  embeddedRegion?: string;
}

export interface AgentPlan {
  agentId: string;
  region: string;
  checks: AssignedCheck[];
  /** Hash of the checks (and what else the caller mixes in); changes whenever they do. */
  revision: string;
}

export interface Plan {
  agents: Map<string, AgentPlan>;
  /** Regions some check wants that nobody serves, with how many checks each. */
  unassigned: Map<string, number>;
}

function toAssigned(c: ProbeCheck): AssignedCheck {
  const { regions: _regions, ...assigned } = c;
  return assigned;
}

export function planRevision(region: string, checks: readonly AssignedCheck[], extra: unknown = null): string {
  return createHash('sha256').update(JSON.stringify([region, checks, extra])).digest('base64url').slice(0, 22);
}

/**
 * Who runs what: each check runs once in each of its regions, on the region's live agent chosen by
 * rendezvous hashing on (check key, agent id); the embedded region without a remote agent falls
 * to the embedded agent. Pure.
 */
export function planAssignments(input: PlanInput, extra: unknown = null): Plan {
  const byRegion = new Map<string, ProbeCheck[]>();
  for (const check of input.checks) {
    for (const region of new Set(check.regions)) {
      const list = byRegion.get(region) ?? [];
      list.push(check);
      byRegion.set(region, list);
    }
  }
  const regions = new Set<string>([...byRegion.keys(), ...input.agentsByRegion.keys()]);
  if (input.embeddedRegion) regions.add(input.embeddedRegion);
  const agents = new Map<string, AgentPlan>();
  const unassigned = new Map<string, number>();
  for (const region of regions) {
    const checks = byRegion.get(region) ?? [];
    let candidates = [...(input.agentsByRegion.get(region) ?? [])];
    if (candidates.length === 0 && region === input.embeddedRegion) candidates = [EMBEDDED_AGENT_ID];
    if (candidates.length === 0) {
      if (checks.length > 0) unassigned.set(region, checks.length);
      continue;
    }
    for (const [agentId, mine] of rendezvousSpread(checks, (c) => c.key, candidates)) {
      const assigned = mine.map(toAssigned);
      agents.set(agentId, { agentId, region, checks: assigned, revision: planRevision(region, assigned, extra) });
    }
  }
  return { agents, unassigned };
}
