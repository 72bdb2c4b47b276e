import type { Assignment, AssignedCheck, ResultRecord } from '@kuzet/contracts';
import { CheckOutcome, CheckRunResult, CheckSpec } from '../check-run-result';
import type { CheckRunner } from '../runners/check-runner';
import type { CheckSchedulerOptions, ScheduledCheck, SchedulerClock, SchedulerStats } from '../scheduler/scheduler.types';
import { ProbeAgentRuntime, type ProbeAgentRuntimeOptions } from './probe-agent-runtime';

class FakeScheduler {
  checks: ScheduledCheck[] = [];
  rechecks: Array<{ id: number; at: number }> = [];
  constructor(readonly options: CheckSchedulerOptions) {}
  setChecks(checks: ScheduledCheck[]): void {
    this.checks = checks;
  }
  start(): void {}
  async stop(): Promise<void> {}
  recheck(id: number, at: number): boolean {
    this.rechecks.push({ id, at });
    return true;
  }
  stats(): SchedulerStats {
    return { checks: this.checks.length, inFlight: 0, queued: 0, skipped: 0, started: 0 };
  }
  /** Runs every scheduled check once at plannedAt. */
  async tick(plannedAt: number, recheck = false): Promise<void> {
    await Promise.all(
      this.checks.map((c) => this.options.run(c, plannedAt, new AbortController().signal, { recheck })),
    );
  }
}

/** Timers never fire by themselves: tests flush explicitly. */
const frozenClock: SchedulerClock = { now: () => 1_000_000, setTimer: () => 0, clearTimer: () => undefined };

const result = (outcome: CheckRunResult['outcome'], extra: Partial<CheckRunResult> = {}): CheckRunResult => ({
  outcome,
  latencyMs: 12.5,
  timings: { totalMs: 12.5 },
  conditions: [],
  ...extra,
});

class ScriptedRunner implements CheckRunner {
  seen: CheckSpec[] = [];
  constructor(private readonly byTarget: (target: string) => CheckRunResult) {}
  async check(spec: CheckSpec): Promise<CheckRunResult> {
    this.seen.push(spec);
    return this.byTarget(spec.target);
  }
}

function check(id: number, kind: AssignedCheck['kind'], target: string | null): AssignedCheck {
  return {
    id,
    key: `sys/${kind}-${id}`,
    kind,
    target,
    interval_ms: 1000,
    timeout_ms: 800,
    conditions: [],
    thresholds: { degraded_ms: 500 },
    options: {},
  };
}

function assignment(checks: AssignedCheck[], canaries: string[] = []): Assignment {
  return { revision: 'r1', region: 'almaty', agent_id: 'a1', checks, probe_allow: ['127.0.0.0/8'], canaries, agent_ttl_s: 20 };
}

function setup(opts: {
  canary: () => CheckRunResult;
  target: (t: string) => CheckRunResult;
  onSkip?: ProbeAgentRuntimeOptions['onSkip'];
}) {
  let scheduler!: FakeScheduler;
  const batches: ResultRecord[][] = [];
  const http = new ScriptedRunner((t) => (t.startsWith('http://canary') ? opts.canary() : opts.target(t)));
  const tcp = new ScriptedRunner((t) => (t.startsWith('canary') ? opts.canary() : opts.target(t)));
  const runtime = new ProbeAgentRuntime({
    agentId: 'a1',
    sink: { submit: async (b) => void batches.push(b) },
    createScheduler: (o) => (scheduler = new FakeScheduler(o)),
    runners: { runnerFor: (k) => (k === 'http' ? http : k === 'tcp' ? tcp : undefined) },
    clock: frozenClock,
    minIntervalMs: 1000,
    onSkip: opts.onSkip,
  });
  return { runtime, scheduler: () => scheduler, batches, http, tcp };
}

describe('ProbeAgentRuntime', () => {
  it('schedules network checks only (heartbeat skipped), endpoints (host:port) from targets, and maps results with planned_at', async () => {
    const t = setup({ canary: () => result(CheckOutcome.Up), target: () => result(CheckOutcome.Up, { statusCode: 200 }) });
    t.runtime.setAssignment(
      assignment([check(1, 'http', 'http://example.test:8080/health'), check(2, 'tcp', '10.0.0.1:22'), check(3, 'heartbeat', null)]),
    );
    expect(t.scheduler().checks.map((c) => [c.id, c.host])).toEqual([
      [1, 'example.test:8080'],
      [2, '10.0.0.1:22'],
    ]);
    await t.scheduler().tick(1_700_000_000_000);
    await t.runtime.flush();
    const records = t.batches.flat();
    expect(records).toHaveLength(2);
    expect(records.find((r) => r.check_id === 1)).toMatchObject({
      region: 'almaty',
      planned_at: 1_700_000_000_000,
      outcome: 0,
      status_code: 200,
      latency_ms: 12.5,
      error_class: null,
    });
    // The runner got the probe network policy and the thresholds in runner form.
    expect(t.http.seen[0].thresholds).toEqual({ degradedMs: 500 });
    expect(t.http.seen[0].networkGuard).toBeDefined();
  });

  it('reports Down as Unknown while every canary fails, keeps Up, and returns to Down once a canary answers', async () => {
    let canaryUp = false;
    const t = setup({
      canary: () => result(canaryUp ? CheckOutcome.Up : CheckOutcome.Down, canaryUp ? {} : { errorClass: 'connect' }),
      target: (target) =>
        target.includes('up') ? result(CheckOutcome.Up) : result(CheckOutcome.Down, { errorClass: 'timeout', errorMessage: 'timed out' }),
    });
    t.runtime.setAssignment(
      assignment([check(1, 'http', 'http://up.test/'), check(2, 'http', 'http://down.test/')], ['http://canary.test/', 'canary.test:53']),
    );
    await t.runtime.checkCanaries();
    expect(t.runtime.state().networkDown).toBe(true);
    await t.scheduler().tick(1000);
    await t.runtime.flush();
    const during = t.batches.flat();
    expect(during.find((r) => r.check_id === 1)?.outcome).toBe(0);
    expect(during.find((r) => r.check_id === 2)).toMatchObject({ outcome: 3, error_class: 'timeout' });
    expect(during.find((r) => r.check_id === 2)?.details).toMatchObject({ probe_network_down: true });

    canaryUp = true;
    await t.runtime.checkCanaries();
    expect(t.runtime.state().networkDown).toBe(false);
    t.batches.length = 0;
    await t.scheduler().tick(2000);
    await t.runtime.flush();
    expect(t.batches.flat().find((r) => r.check_id === 2)?.outcome).toBe(2);
  });

  it('is not network-down when only some canaries fail, or when there are none', async () => {
    const t = setup({
      canary: () => result(CheckOutcome.Down),
      target: () => result(CheckOutcome.Down),
    });
    t.runtime.setAssignment(assignment([check(1, 'tcp', '127.0.0.1:1')], []));
    await t.runtime.checkCanaries();
    expect(t.runtime.state().networkDown).toBe(false);
    // One canary (tcp, host:port) fails, the http one is answered by the target script (Down too) -> all down.
    t.runtime.setAssignment(assignment([check(1, 'tcp', '127.0.0.1:1')], ['canary.test:53']));
    await t.runtime.checkCanaries();
    expect(t.runtime.state().networkDown).toBe(true);
    const mixed = setup({ canary: () => result(CheckOutcome.Down), target: () => result(CheckOutcome.Up) });
    mixed.runtime.setAssignment(assignment([], ['canary.test:53', 'http://other.test/']));
    await mixed.runtime.checkCanaries();
    expect(mixed.runtime.state().networkDown).toBe(false);
  });

  it('batches by size: 1000 results make one batch, in order', async () => {
    const t = setup({ canary: () => result(CheckOutcome.Up), target: () => result(CheckOutcome.Up) });
    const many = Array.from({ length: 1500 }, (_, i) => check(i + 1, 'tcp', `127.0.0.1:${1000 + (i % 50)}`));
    t.runtime.setAssignment(assignment(many));
    await t.scheduler().tick(5000);
    await t.runtime.flush();
    expect(t.batches.map((b) => b.length)).toEqual([1000, 500]);
  });

  it('refuses only a check with an out-of-bounds interval or timeout, never the whole assignment', () => {
    const refused: Array<{ id: number; reason: string }> = [];
    const warnings: object[] = [];
    // The real scheduler: it is what used to throw for the whole set.
    const runtime = new ProbeAgentRuntime({
      agentId: 'a1',
      sink: { submit: async () => undefined },
      clock: frozenClock,
      minIntervalMs: 1000,
      logger: { info: () => undefined, warn: (o) => void warnings.push(o), error: () => undefined },
      onCheckRefused: (c, reason) => void refused.push({ id: c.id, reason }),
    });
    const good = check(1, 'tcp', '127.0.0.1:1');
    const bad = [
      { ...check(2, 'tcp', '127.0.0.1:2'), interval_ms: Number.POSITIVE_INFINITY },
      { ...check(3, 'tcp', '127.0.0.1:3'), interval_ms: 99_999_999 * 86_400_000 },
      { ...check(4, 'tcp', '127.0.0.1:4'), interval_ms: 500 },
      { ...check(5, 'tcp', '127.0.0.1:5'), timeout_ms: 0 },
      { ...check(6, 'tcp', '127.0.0.1:6'), interval_ms: 3_600_000, timeout_ms: 3_000_000 },
      { ...check(1, 'tcp', '127.0.0.1:7') },
    ];
    expect(() => runtime.setAssignment(assignment([good, ...bad]))).not.toThrow();
    expect(runtime.state().checks).toBe(1);
    expect(refused.map((r) => r.id)).toEqual([2, 3, 4, 5, 6, 1]);
    expect(refused[0].reason).toMatch(/interval/);
    expect(refused[3].reason).toMatch(/timeout/);
    expect(warnings.filter((w) => (w as { event?: string }).event === 'agent.check_refused')).toHaveLength(6);
  });

  it('refuses an assignment with a malformed probe_allow and keeps the previous one', () => {
    const t = setup({ canary: () => result(CheckOutcome.Up), target: () => result(CheckOutcome.Up) });
    t.runtime.setAssignment(assignment([check(1, 'tcp', '127.0.0.1:1')]));
    expect(() => t.runtime.setAssignment({ ...assignment([]), probe_allow: ['not-a-cidr'] })).toThrow(/probe_allow/);
    expect(t.scheduler().checks).toHaveLength(1);
  });

  it('asks for a recheck 1 s after a first failure and after a first success, never after a recheck', async () => {
    let up = true;
    const t = setup({ canary: () => result(CheckOutcome.Up), target: () => result(up ? CheckOutcome.Up : CheckOutcome.Down, up ? {} : { errorClass: 'connect' }) });
    t.runtime.setAssignment(assignment([check(1, 'http', 'http://a.test/')]));
    t.runtime.start();
    await t.scheduler().tick(1000);
    expect(t.scheduler().rechecks).toEqual([]); // up, nothing changed
    up = false;
    await t.scheduler().tick(2000);
    expect(t.scheduler().rechecks).toEqual([{ id: 1, at: 1_000_000 + 1000 }]);
    await t.scheduler().tick(2100, true); // the recheck fails too: no further recheck
    await t.scheduler().tick(3000); // still failing: nothing changed
    expect(t.scheduler().rechecks).toHaveLength(1);
    up = true;
    await t.scheduler().tick(4000);
    expect(t.scheduler().rechecks).toHaveLength(2);
    await t.runtime.flush();
    const records = t.batches.flat();
    expect(records.filter((r) => r.recheck === true).map((r) => r.planned_at)).toEqual([2100]);
    expect(records.filter((r) => r.recheck === undefined)).toHaveLength(4);
    await t.runtime.stop();
  });

  it('rechecks primary checks only: a diagnostic failure (TCP by default, or a role given) confirms at its own pace', async () => {
    const t = setup({ canary: () => result(CheckOutcome.Up), target: () => result(CheckOutcome.Down, { errorClass: 'connect' }) });
    t.runtime.setAssignment(
      assignment([
        check(1, 'tcp', 'a.test:443'),
        { ...check(2, 'http', 'http://b.test/'), role: 'diagnostic' },
        { ...check(3, 'tcp', 'c.test:443'), role: 'primary' },
      ]),
    );
    t.runtime.start();
    await t.scheduler().tick(1000);
    expect(t.scheduler().rechecks.map((r) => r.id)).toEqual([3]);
    await t.runtime.stop();
  });

  it('limits rechecks per host', async () => {
    const t = setup({ canary: () => result(CheckOutcome.Up), target: () => result(CheckOutcome.Down, { errorClass: 'connect' }) });
    const many = Array.from({ length: 30 }, (_, i) => check(i + 1, 'http', `http://same.test/${i}`));
    t.runtime.setAssignment(assignment(many));
    t.runtime.start();
    await t.scheduler().tick(1000);
    expect(t.scheduler().rechecks).toHaveLength(20); // the burst; the clock is frozen, nothing refills
    await t.runtime.stop();
  });

  it('skips a run whose timeout was seen late because the loop was starved: no Down, no Unknown stored, counted as starved', async () => {
    const starved = result(CheckOutcome.Down, { errorClass: 'timeout', errorMessage: 'no complete answer within 800 ms', starvedMs: 1_200 });
    const skips: Array<[number, string]> = [];
    const t = setup({
      canary: () => result(CheckOutcome.Up),
      target: (target) => (target.endsWith('/slow') ? result(CheckOutcome.Down, { errorClass: 'timeout' }) : starved),
      onSkip: (c, _p, reason) => skips.push([c.id, reason]),
    });
    t.runtime.setAssignment(assignment([check(1, 'http', 'http://a.test/starved'), check(2, 'http', 'http://a.test/slow')]));
    t.runtime.start();
    await t.scheduler().tick(1000);
    await t.runtime.flush();
    // The target that really timed out (its deadline seen on time) is Down; the starved run is not stored.
    expect(t.batches.flat().map((r) => [r.check_id, r.outcome])).toEqual([[2, CheckOutcome.Down]]);
    expect(skips).toEqual([[1, 'starved']]);
    expect(t.runtime.state().skipped).toEqual({ overlap: 0, missed: 0, expired: 0, starved: 1 });
    expect(t.scheduler().rechecks.map((r) => r.id)).toEqual([2]);
    await t.runtime.stop();
  });

  it('counts the scheduler\'s skips per reason in its state, for the metrics', async () => {
    const t = setup({ canary: () => result(CheckOutcome.Up), target: () => result(CheckOutcome.Up) });
    t.runtime.setAssignment(assignment([check(1, 'http', 'http://a.test/')]));
    const [c] = t.scheduler().checks;
    t.scheduler().options.onSkip?.(c, 1000, 'expired');
    t.scheduler().options.onSkip?.(c, 2000, 'missed');
    t.scheduler().options.onSkip?.(c, 3000, 'expired');
    expect(t.runtime.state().skipped).toEqual({ overlap: 0, missed: 1, expired: 2, starved: 0 });
    expect(t.batches).toHaveLength(0);
  });

  it('does not turn a network-down verdict on when the canaries only timed out from starvation', async () => {
    const t = setup({
      canary: () => result(CheckOutcome.Down, { errorClass: 'timeout', starvedMs: 900 }),
      target: () => result(CheckOutcome.Down, { errorClass: 'connect' }),
    });
    t.runtime.setAssignment(assignment([check(1, 'http', 'http://a.test/')], ['http://canary.test/']));
    await t.runtime.checkCanaries();
    expect(t.runtime.state().networkDown).toBe(false);
    await t.scheduler().tick(1000);
    await t.runtime.flush();
    expect(t.batches.flat()[0].outcome).toBe(CheckOutcome.Down);
  });

  it('hands the runner the same spec object at every run of a check (its caches hit), a new one after an assignment', async () => {
    const t = setup({ canary: () => result(CheckOutcome.Up), target: () => result(CheckOutcome.Up) });
    const a = assignment([check(1, 'http', 'http://a.test/'), check(2, 'http', 'http://b.test/')]);
    t.runtime.setAssignment(a);
    await t.scheduler().tick(1000);
    await t.scheduler().tick(2000);
    const [first1, first2, second1, second2] = t.http.seen;
    expect(second1).toBe(first1);
    expect(second2).toBe(first2);
    expect(first1).not.toBe(first2);
    t.runtime.setAssignment({ ...a, revision: 'r2', probe_allow: ['10.0.0.0/8'] });
    await t.scheduler().tick(3000);
    expect(t.http.seen[4]).not.toBe(first1);
    expect(t.http.seen[4]).toEqual(expect.objectContaining({ target: 'http://a.test/' }));
  });
});
