import type { ProbeCheck } from './probe-check';
import { EMBEDDED_AGENT_ID, planAssignments } from './assignment-plan';

function check(id: number, regions: string[]): ProbeCheck {
  return {
    id,
    key: `sys-${id}/http`,
    kind: 'http',
    target: `http://127.0.0.1:${8000 + id}/`,
    interval_ms: 1000,
    timeout_ms: 800,
    conditions: [],
    thresholds: {},
    options: {},
    regions,
  };
}

const checks = [
  ...Array.from({ length: 40 }, (_, i) => check(i + 1, ['local'])),
  ...Array.from({ length: 10 }, (_, i) => check(100 + i, ['local', 'astana'])),
  check(200, ['shymkent']),
];

describe('planAssignments', () => {
  it('gives the embedded region to the embedded agent when no remote agent serves it', () => {
    const plan = planAssignments({ checks, agentsByRegion: new Map(), embeddedRegion: 'local' });
    expect(plan.agents.get(EMBEDDED_AGENT_ID)?.checks).toHaveLength(50);
    expect(plan.unassigned).toEqual(new Map([['astana', 10], ['shymkent', 1]]));
  });

  it('hands the embedded region to remote agents once they are live, split between them', () => {
    const plan = planAssignments({
      checks,
      agentsByRegion: new Map([['local', ['p1', 'p2']], ['astana', ['a1']]]),
      embeddedRegion: 'local',
    });
    expect(plan.agents.has(EMBEDDED_AGENT_ID)).toBe(false);
    const p1 = plan.agents.get('p1')!.checks.length;
    const p2 = plan.agents.get('p2')!.checks.length;
    expect(p1 + p2).toBe(50);
    expect(Math.min(p1, p2)).toBeGreaterThan(10);
    // A check with two regions runs in both.
    expect(plan.agents.get('a1')!.checks.map((c) => c.id)).toEqual(Array.from({ length: 10 }, (_, i) => 100 + i));
    expect(plan.agents.get('a1')!.region).toBe('astana');
  });

  it('changes an agent revision only when its checks change', () => {
    const one = planAssignments({ checks, agentsByRegion: new Map([['astana', ['a1']]]), embeddedRegion: 'local' });
    const two = planAssignments({
      checks: checks.filter((c) => c.id !== 5),
      agentsByRegion: new Map([['astana', ['a1']]]),
      embeddedRegion: 'local',
    });
    expect(two.agents.get('a1')!.revision).toBe(one.agents.get('a1')!.revision);
    expect(two.agents.get(EMBEDDED_AGENT_ID)!.revision).not.toBe(one.agents.get(EMBEDDED_AGENT_ID)!.revision);
  });
});
