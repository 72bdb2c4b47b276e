import { judgeProbeAgent, PROBE_OVERLOADED, PROBE_WORKER_DOWN } from './probe-agent-health';

const fine = { planned: 6_000, skipped: 0, skippedShare: 0, lagP99Ms: 5, overloaded: false };
const worker = { mode: 'worker' as const, running: true, restarts: 0, last_exit: null };

describe('judgeProbeAgent', () => {
  it('is ok while the agent runs within its bounds', () => {
    expect(judgeProbeAgent(worker, fine)).toMatchObject({ ok: true, problem: null, lag_p99_ms: 5, skipped_share: 0, planned_last_minute: 6_000 });
  });

  it('says "probe overloaded" when the last minute was overloaded', () => {
    const h = judgeProbeAgent(worker, { ...fine, skipped: 600, skippedShare: 0.1, overloaded: true });
    expect(h).toMatchObject({ ok: false, problem: PROBE_OVERLOADED, skipped_share: 0.1 });
    expect(PROBE_OVERLOADED).toBe('probe overloaded');
  });

  it('says "probe worker down" while the worker thread restarts, before overload', () => {
    const h = judgeProbeAgent({ ...worker, running: false, restarts: 2, last_exit: 'boom' }, { ...fine, overloaded: true });
    expect(h).toMatchObject({ ok: false, problem: PROBE_WORKER_DOWN, restarts: 2, last_exit: 'boom' });
  });
});
