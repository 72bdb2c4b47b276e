import * as path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const json = async (r: Response): Promise<Json> => r.json();
import { AssignmentService } from '../../../apps/api/src/probing/assignment/assignment.service';
import { EmbeddedAgentService } from '../../../apps/api/src/probing/embedded/embedded-agent.service';
import { ProbeTokensService } from '../../../apps/api/src/probing/tokens/probe-tokens.service';
import { ProbeAgentHandle, startProbeAgent } from '../../../apps/probe/src/start-probe-agent';
import { probedCheckIds, ProbingTestEnv, quietPino, startProbingTestEnv, waitFor } from './support/probing-test-app';
import { DataSource } from 'typeorm';
import { createUser, login } from '../../support/auth-helpers';

/**
 * The embedded agent, remote agents taking over its region, two agents splitting it by rendezvous
 * hashing, one leaving, the protocol's refusals, and the results API, against a real simulator.
 */
describe('probing: embedded and remote agents', () => {
  let env: ProbingTestEnv;
  let token: string;
  const agents: ProbeAgentHandle[] = [];

  beforeAll(async () => {
    env = await startProbingTestEnv({ probing: { agentTtlS: 3, sweepS: 1, pollWaitS: 5 } });
    token = (await env.app.get(ProbeTokensService).create('local', 'test')).token;
  });

  afterAll(async () => {
    await Promise.all(agents.map((a) => a.stop()));
    await env?.close();
  });

  const startAgent = (agentId: string) => {
    const agent = startProbeAgent({
      apiUrl: env.baseUrl,
      token,
      region: 'local',
      agentId,
      spoolDir: path.join(env.tmp, `spool-${agentId}`),
      logger: quietPino(),
      backoffInitialMs: 100,
      backoffMaxMs: 500,
    });
    agents.push(agent);
    return agent;
  };

  const countsSince = async (since: Date) =>
    new Map(
      (
        await env.db.query<{ check_id: number; n: string }>(
          `SELECT check_id, count(*) AS n FROM check_results WHERE region = 'local' AND time >= $1 GROUP BY check_id`,
          [since],
        )
      ).map((r) => [Number(r.check_id), Number(r.n)]),
    );

  it('runs every check in the embedded agent and writes results with details', async () => {
    const ids = await probedCheckIds(env.db);
    expect(ids).toHaveLength(8);
    await waitFor('a result for every check', async () => {
      const counts = await countsSince(new Date(0));
      return ids.every((id) => (counts.get(id) ?? 0) >= 2) || undefined;
    });
    const rows = await env.db.query<{ outcome: number; time: Date }>('SELECT outcome, time FROM check_results');
    // Planned times on the grid: whole milliseconds, and the simulator's systems are healthy.
    expect(rows.filter((r) => Number(r.outcome) === 0).length).toBeGreaterThan(rows.length / 2);
    const details = await env.db.query<{ n: string }>('SELECT count(*) AS n FROM check_latest_details');
    expect(Number(details[0].n)).toBe(8);
    expect(env.app.get(EmbeddedAgentService).state()?.checks).toBe(8);
  });

  it('refuses a bad token (401) and an invalid batch (400 naming the field)', async () => {
    const bad = await fetch(`${env.baseUrl}/api/probe/v1/assignments?agent=x`, { headers: { authorization: 'Bearer kzp_nope_nope_nope_nope' } });
    expect(bad.status).toBe(401);
    const none = await fetch(`${env.baseUrl}/api/probe/v1/results`, { method: 'POST' });
    expect(none.status).toBe(401);
    const post = (body: unknown) =>
      fetch(`${env.baseUrl}/api/probe/v1/results`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const [id] = await probedCheckIds(env.db);
    // Recent and off the 1 s grid (a recheck's time), within the replay horizon.
    const plannedAt = Math.floor(Date.now() / 1000) * 1000 - 10_000 + 7;
    const record = { check_id: id, region: 'local', planned_at: plannedAt, outcome: 0, latency_ms: 1, status_code: 200, error_class: null };
    const invalid = await post({ batch_id: 'batch-0001', agent_id: 'x', results: [{ ...record, outcome: 7 }] });
    expect(invalid.status).toBe(400);
    expect((await json(invalid)).message).toContain('results.0.outcome');
    const wrongRegion = await post({ batch_id: 'batch-0002', agent_id: 'x', results: [record, { ...record, region: 'astana' }] });
    expect(wrongRegion.status).toBe(400);
    expect((await json(wrongRegion)).message).toContain('results.1.region');
    const ok = await post({ batch_id: 'batch-0003', agent_id: 'x', results: [record] });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ batch_id: 'batch-0003', accepted: 1, duplicates: 0, rejected: {} });
    const again = await post({ batch_id: 'batch-0003', agent_id: 'x', results: [record] });
    expect(await again.json()).toEqual({ batch_id: 'batch-0003', accepted: 0, duplicates: 1, rejected: {} });
    const stored = await env.db.query<{ n: string }>('SELECT count(*) AS n FROM check_results WHERE time = $1', [new Date(plannedAt)]);
    expect(Number(stored[0].n)).toBe(1);
  });

  it('a remote agent takes over the embedded region; two agents split it; when one leaves the other takes all', async () => {
    const a = startAgent('agent-a');
    await waitFor('agent-a to own every check', () => a.runtime.state().checks === 8 || undefined);
    expect(env.app.get(EmbeddedAgentService).state()?.checks).toBe(0);
    expect(env.app.get(AssignmentService).embeddedActive()).toBe(false);

    const b = startAgent('agent-b');
    await waitFor('a and b to split the checks', () => {
      const na = a.runtime.state().checks;
      const nb = b.runtime.state().checks;
      return (na + nb === 8 && na > 0 && nb > 0) || undefined;
    });
    // Results keep flowing for every check while split.
    const ids = await probedCheckIds(env.db);
    const splitAt = new Date();
    await waitFor('results for every check from the two agents', async () => {
      const counts = await countsSince(splitAt);
      return ids.every((id) => (counts.get(id) ?? 0) >= 2) || undefined;
    }, 15_000);

    const leftAt = Date.now();
    await b.stop();
    await waitFor('agent-a to take back every check', () => a.runtime.state().checks === 8 || undefined, 30_000);
    expect(Date.now() - leftAt).toBeLessThan(30_000);
  });

  it('serves the results API: recent raw rows with details, paged, and latency rollups', async () => {
    const [id] = await probedCheckIds(env.db);
    await createUser(env.app.get(DataSource), { email: 'results-reader@test.kuzet', password: 'reader-password', role: 'viewer' });
    const { headers } = await login(env.baseUrl, 'results-reader@test.kuzet', 'reader-password');
    const page = await json(await fetch(`${env.baseUrl}/api/checks/${id}/results?limit=2`, { headers }));
    expect(page.results).toHaveLength(2);
    expect(page.next).not.toBeNull();
    expect(new Date(page.results[0].time).getTime()).toBeGreaterThanOrEqual(new Date(page.results[1].time).getTime());
    const next = await json(
      await fetch(`${env.baseUrl}/api/checks/${id}/results?limit=2&before=${encodeURIComponent(page.next.before)}&before_region=${page.next.before_region}`, { headers }),
    );
    expect(new Date(next.results[0].time).getTime()).toBeLessThan(new Date(page.results[1].time).getTime());
    const withDetails = await json(await fetch(`${env.baseUrl}/api/checks/${id}/results?limit=5`, { headers }));
    expect(withDetails.results.some((r: { details?: unknown }) => r.details !== undefined)).toBe(true);
    expect((await fetch(`${env.baseUrl}/api/checks/${id}/results?limit=501`, { headers })).status).toBe(400);
    expect((await fetch(`${env.baseUrl}/api/checks/999999/results`, { headers })).status).toBe(404);
    const from = new Date(Date.now() - 3600_000).toISOString();
    const latency = await fetch(`${env.baseUrl}/api/checks/${id}/latency?from=${from}&region=local`, { headers });
    expect(latency.status).toBe(200);
    expect((await json(latency)).resolution).toBe('1m');
  });
});
