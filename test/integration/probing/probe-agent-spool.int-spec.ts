import * as path from 'node:path';
import { phaseOf } from '@kuzet/checks';
import { ProbeTokensService } from '../../../apps/api/src/probing/tokens/probe-tokens.service';
import { startProbeAgent } from '../../../apps/probe/src/start-probe-agent';
import { ProbingTestEnv, quietPino, startProbingTestEnv, waitFor } from './support/probing-test-app';
import { TcpCutProxy } from './support/tcp-cut-proxy';

/**
 * A remote agent cut off from the API spools its batches and replays them in order when the API is
 * back: every planned run of the window arrives, once.
 */
describe('probe agent: spool and replay', () => {
  let env: ProbingTestEnv;

  beforeAll(async () => {
    // No embedded agent: it must not fill the gap while the remote agent is cut off.
    env = await startProbingTestEnv({ probing: { embeddedAgent: false, agentTtlS: 20, sweepS: 1, pollWaitS: 5 }, systems: ['egov-portal'] });
  });
  afterAll(async () => env?.close());

  it('spools while the API is unreachable and replays every run exactly once', async () => {
    const token = (await env.app.get(ProbeTokensService).create('local', 'spool-test')).token;
    const proxy = new TcpCutProxy(env.port);
    await proxy.open(0);
    const spoolDir = path.join(env.tmp, 'agent-spool');
    const agent = startProbeAgent({
      apiUrl: `http://127.0.0.1:${proxy.port}`,
      token,
      region: 'local',
      agentId: 'spooler',
      spoolDir,
      logger: quietPino(),
      backoffInitialMs: 100,
      backoffMaxMs: 400,
    });
    try {
      await waitFor('the agent to get its checks', () => agent.runtime.state().checks === 4 || undefined);
      const windowStart = Date.now() + 1500;
      await new Promise((r) => setTimeout(r, 2500));
      await proxy.cut();
      await waitFor('batches to be spooled', () => agent.pusher.stats().spooled > 0 || undefined, 10_000, 100);
      await new Promise((r) => setTimeout(r, 3000));
      await proxy.open(proxy.port);
      await waitFor('the spool to drain', () => (agent.pusher.stats().spooled === 0 && agent.pusher.stats().queued === 0) || undefined, 15_000);
      await new Promise((r) => setTimeout(r, 2500));
      const windowEnd = Date.now() - 1500;
      await agent.stop();

      const checks = await env.db.query<{ id: number; key: string; interval_s: string }>(
        `SELECT id, key, interval_s FROM checks WHERE kind <> 'heartbeat'`,
      );
      expect(checks).toHaveLength(4);
      for (const check of checks) {
        const interval = Number(check.interval_s) * 1000;
        const phase = phaseOf(check.key, interval);
        const rows = await env.db.query<{ time: Date }>(
          'SELECT time FROM check_results WHERE check_id = $1 AND time >= $2 AND time < $3 ORDER BY time',
          [check.id, new Date(windowStart), new Date(windowEnd)],
        );
        // Every slot of the grid in the window, once (the unique key makes "once" the DB's job; the
        // count shows none went missing during the cut).
        let expected = 0;
        for (let t = Math.ceil((windowStart - phase) / interval) * interval + phase; t < windowEnd; t += interval) expected++;
        expect({ key: check.key, n: rows.length }).toEqual({ key: check.key, n: expected });
        for (const r of rows) expect((new Date(r.time).getTime() - phase) % interval).toBe(0);
      }
    } finally {
      await agent.stop();
      await proxy.cut();
    }
  });
});
