import * as http from 'node:http';
import {
  CheckScheduler,
  LagRecorder,
  phaseOf,
  type ScheduledCheck,
} from '@kuzet/checks';
import { startSimulator, type SimulatorHandle } from '../../../apps/simulator/src';
import { quietLogger } from '../simulator/support/quiet-logger';

interface Run {
  id: number;
  plannedAt: number;
  startedAt: number;
  endedAt?: number;
  status?: number;
}

function get(url: string, signal: AbortSignal): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, signal }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/** The real clock against the real simulator: 20 checks at 1 s for about 5 s. */
describe('CheckScheduler against the simulator (real clock)', () => {
  let sim: SimulatorHandle;

  beforeAll(async () => {
    sim = await startSimulator({
      controlPort: 0,
      logger: quietLogger(),
      systems: ['egov-portal', 'esf', 'gbd-fl', 'gbd-ul', 'e-otinish'],
    });
  });
  afterAll(async () => {
    await sim?.stop();
  });

  it('runs every check about once a second on its phase grid, never overlapping, with the lag recorded', async () => {
    expect(sim.systems.length).toBeGreaterThanOrEqual(3);
    const checks: ScheduledCheck[] = Array.from({ length: 20 }, (_, i) => {
      const sys = sim.systems[i % sim.systems.length];
      return {
        id: i + 1,
        key: `${sys.code}/http-${i}`,
        intervalMs: 1000,
        timeoutMs: 900,
        host: sys.hostname,
        payload: { url: `http://127.0.0.1:${sys.ports.http}/health` },
      };
    });
    const runs: Run[] = [];
    const open = new Map<number, number>();
    let overlaps = 0;
    const lag = new LagRecorder();
    const skips: string[] = [];
    const scheduler = new CheckScheduler({
      minIntervalMs: 1000,
      hostConcurrency: 6,
      onLag: (ms) => lag.record(ms),
      onSkip: (c, plannedAt, reason) => skips.push(`${c.id}@${plannedAt}:${reason}`),
      run: async (check, plannedAt, signal) => {
        const run: Run = { id: check.id, plannedAt, startedAt: Date.now() };
        runs.push(run);
        if ((open.get(check.id) ?? 0) > 0) overlaps++;
        open.set(check.id, (open.get(check.id) ?? 0) + 1);
        try {
          run.status = await get((check.payload as { url: string }).url, signal);
        } finally {
          run.endedAt = Date.now();
          open.set(check.id, open.get(check.id)! - 1);
        }
      },
    });
    scheduler.setChecks(checks);
    const t0 = Date.now();
    scheduler.start();
    await new Promise((r) => setTimeout(r, 5_200));
    // stop() aborts the runs in flight: those end without a status, by design
    const stoppedAt = Date.now();
    await scheduler.stop();
    const t1 = Date.now();

    expect(overlaps).toBe(0);
    expect(skips).toEqual([]);
    expect(lag.count).toBe(runs.length);
    for (const c of checks) {
      const mine = runs.filter((r) => r.id === c.id);
      const phase = phaseOf(c.key, 1000);
      // one run per whole second of the window that contained its phase
      const expected = Math.floor((t1 - phase) / 1000) - Math.ceil((t0 - phase) / 1000) + 1;
      expect(Math.abs(mine.length - expected)).toBeLessThanOrEqual(1);
      expect(mine.length).toBeGreaterThanOrEqual(4);
      for (const r of mine) {
        expect(r.plannedAt % 1000).toBe(phase);
        expect(r.startedAt).toBeGreaterThanOrEqual(r.plannedAt);
        if (r.endedAt! < stoppedAt || r.status !== undefined) expect(r.status).toBe(200);
      }
      for (let i = 1; i < mine.length; i++) {
        expect(mine[i].plannedAt - mine[i - 1].plannedAt).toBe(1000);
        expect(mine[i].startedAt).toBeGreaterThanOrEqual(mine[i - 1].endedAt!);
      }
    }
    expect(lag.percentile(50)).toBeLessThan(1000);
    expect(lag.max).toBeLessThan(1000);
  });
});
