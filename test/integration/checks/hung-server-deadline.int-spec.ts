import type { Assignment, ResultRecord } from '@kuzet/contracts';
import { CheckOutcome, phaseOf, ProbeAgentRuntime } from '@kuzet/checks';
import { startSimulator, SimulatorHandle } from '@kuzet/simulator';
import { quietLogger } from '../simulator/support/quiet-logger';

/**
 * Issue 9, point 1: against a server that accepts the connection and never answers, with the
 * event loop busy for 300 ms right before every planned run, every run is a `timeout` (down),
 * never `unknown`. Before the fix the scheduler aborted at planned + timeout while the runner's
 * timer started at the (late) actual start, and the abort was recorded as unknown.
 * Real parts: the real scheduler, runtime and HTTP runner, against the simulator's hung server.
 */
describe('a hung server under a busy event loop', () => {
  const SYSTEM = 'egov-portal';
  let sim: SimulatorHandle;

  beforeAll(async () => {
    sim = await startSimulator({ controlPort: 0, systems: [SYSTEM], logger: quietLogger() });
    await sim.injectFault(SYSTEM, { type: 'down', mode: 'timeout' });
  });
  afterAll(() => sim?.stop());

  it('records every run as a timeout, never unknown', async () => {
    const info = sim.systems.find((s) => s.code === SYSTEM)!;
    const records: ResultRecord[] = [];
    const runtime = new ProbeAgentRuntime({
      agentId: 'hung-test',
      minIntervalMs: 1000,
      flushIntervalMs: 50,
      recheck: { delayMs: 0 },
      sink: { submit: async (batch) => void records.push(...batch) },
    });
    const assignment: Assignment = {
      revision: 'r1',
      region: 'local',
      agent_id: 'hung-test',
      probe_allow: ['127.0.0.0/8'],
      canaries: [],
      agent_ttl_s: 20,
      checks: [
        {
          id: 1,
          key: `${SYSTEM}/https`,
          kind: 'http',
          target: `https://127.0.0.1:${info.ports.https}/health`,
          interval_ms: 2000,
          timeout_ms: 800,
          conditions: [],
          thresholds: {},
          options: { ca_pem: sim.caPem, servername: info.hostname },
        },
      ],
    };
    runtime.setAssignment(assignment);
    runtime.start();
    // Block the loop for 300 ms starting 50 ms before each planned slot (phase of the key on a 2 s grid).
    const blocks: NodeJS.Timeout[] = [];
    const first = Math.ceil(Date.now() / 2000) * 2000;
    const phase = phaseOf(`${SYSTEM}/https`, 2000);
    for (let k = 0; k < 6; k++) {
      const at = first + k * 2000 + phase - 50;
      blocks.push(
        setTimeout(() => {
          const until = Date.now() + 300;
          while (Date.now() < until) {
            /* busy: the run starts late */
          }
        }, Math.max(0, at - Date.now())),
      );
    }
    await new Promise((r) => setTimeout(r, 12_500));
    for (const b of blocks) clearTimeout(b);
    await runtime.stop();
    const runs = records.filter((r) => r.check_id === 1);
    expect(runs.length).toBeGreaterThanOrEqual(4);
    expect(runs.filter((r) => r.outcome === CheckOutcome.Unknown)).toEqual([]);
    // the last run may be cut by stop(); all the others are timeouts
    for (const r of runs) expect(r).toMatchObject({ outcome: CheckOutcome.Down, error_class: 'timeout' });
  }, 30_000);
});
