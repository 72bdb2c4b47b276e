import { CheckOutcome } from '@kuzet/contracts';
import {
  DEFAULT_SOFT_HARD_CONFIG,
  initialSoftHardState,
  replaySoftHard,
  SoftHardConfig,
  SoftHardInput,
  SoftHardState,
  stepSoftHard,
} from './soft-hard-state.machine';

const { Up, Degraded, Down, Unknown } = CheckOutcome;
const T0 = 1_800_000_000_000;

function run(outcomes: CheckOutcome[], config?: SoftHardConfig, start?: SoftHardState) {
  const inputs: SoftHardInput[] = outcomes.map((outcome, i) => ({ outcome, at: T0 + i * 60_000 }));
  return replaySoftHard(start ?? initialSoftHardState('chk', 'ala'), inputs, config);
}

describe('soft/hard state machine', () => {
  it('starts unknown with zeroed counters', () => {
    expect(initialSoftHardState('c1', 'ast')).toEqual({
      checkId: 'c1',
      region: 'ast',
      hard: 'unknown',
      hardSince: null,
      consecutiveDown: 0,
      consecutiveUp: 0,
      consecutiveDegraded: 0,
      consecutiveNotDown: 0,
      lastResultAt: null,
      lastKnownAt: null,
    });
  });

  it('needs 2 consecutive successes to become hard up from unknown (1 is soft)', () => {
    expect(run([Up]).state.hard).toBe('unknown');
    const { state, transitions } = run([Up, Up]);
    expect(state.hard).toBe('up');
    expect(transitions).toHaveLength(1);
    expect(transitions[0]).toEqual({
      checkId: 'chk',
      region: 'ala',
      from: 'unknown',
      to: 'up',
      at: T0 + 60_000,
      idempotencyKey: `chk:ala:up:${T0 + 60_000}`,
    });
    expect(state.hardSince).toBe(T0 + 60_000);
  });

  it('one failure is soft; the second consecutive one makes it hard down', () => {
    const soft = run([Up, Up, Down]);
    expect(soft.state.hard).toBe('up');
    expect(soft.state.consecutiveDown).toBe(1);
    const hard = run([Up, Up, Down, Down]);
    expect(hard.state.hard).toBe('down');
    expect(hard.transitions.map((t) => t.to)).toEqual(['up', 'down']);
    expect(hard.transitions[1]!.from).toBe('up');
  });

  it('a success between failures resets the failure counter', () => {
    const r = run([Up, Up, Down, Up, Down, Up, Down]);
    expect(r.state.hard).toBe('up');
    expect(r.transitions).toHaveLength(1);
  });

  it('recovers after 2 consecutive successes, not after 1', () => {
    expect(run([Down, Down, Up]).state.hard).toBe('down');
    const r = run([Down, Down, Up, Up]);
    expect(r.state.hard).toBe('up');
    expect(r.transitions.map((t) => `${t.from}->${t.to}`)).toEqual(['unknown->down', 'down->up']);
  });

  it('does not emit a transition when the hard state is unchanged', () => {
    const r = run([Down, Down, Down, Down, Down]);
    expect(r.transitions).toHaveLength(1);
    expect(r.state.consecutiveDown).toBe(5);
  });

  describe('thresholds are configurable and inclusive', () => {
    const config: SoftHardConfig = { failureThreshold: 3, successThreshold: 1, degradedThreshold: 4 };
    it('failure threshold 3: 2 failures soft, 3 hard', () => {
      expect(run([Up, Down, Down], config).state.hard).toBe('up');
      expect(run([Up, Down, Down, Down], config).state.hard).toBe('down');
    });
    it('success threshold 1: a single success recovers', () => {
      expect(run([Down, Down, Down, Up], config).state.hard).toBe('up');
    });
    it('degraded threshold 4: 3 degraded soft, 4 hard', () => {
      expect(run([Up, Degraded, Degraded, Degraded], config).state.hard).toBe('up');
      expect(run([Up, Degraded, Degraded, Degraded, Degraded], config).state.hard).toBe('degraded');
    });
    it('threshold 1 everywhere follows every result', () => {
      const c = { failureThreshold: 1, successThreshold: 1, degradedThreshold: 1 };
      expect(run([Up, Down, Degraded, Up], c).transitions.map((t) => t.to)).toEqual([
        'up',
        'down',
        'degraded',
        'up',
      ]);
    });
  });

  describe('degraded track', () => {
    it('2 consecutive degraded results make it hard degraded', () => {
      expect(run([Up, Up, Degraded]).state.hard).toBe('up');
      const r = run([Up, Up, Degraded, Degraded]);
      expect(r.state.hard).toBe('degraded');
      expect(r.transitions[1]!.idempotencyKey).toBe(`chk:ala:degraded:${T0 + 3 * 60_000}`);
    });
    it('degraded back to up needs 2 consecutive ups', () => {
      expect(run([Degraded, Degraded, Up]).state.hard).toBe('degraded');
      expect(run([Degraded, Degraded, Up, Up]).state.hard).toBe('up');
    });
    it('down to degraded when the service answers slowly twice', () => {
      const r = run([Down, Down, Degraded, Degraded]);
      expect(r.transitions.map((t) => t.to)).toEqual(['down', 'degraded']);
    });
    it('a mixed up/degraded run recovers from down to degraded (no stuck down)', () => {
      const r = run([Down, Down, Up, Degraded]);
      expect(r.state.hard).toBe('degraded');
      expect(run([Down, Down, Degraded, Up]).state.hard).toBe('degraded');
      // ...and then two clean ups make it up.
      expect(run([Down, Down, Degraded, Up, Up]).state.hard).toBe('up');
    });
    it('an alternation of up/degraded never changes a hard up', () => {
      const r = run([Up, Up, Degraded, Up, Degraded, Up, Degraded]);
      expect(r.state.hard).toBe('up');
      expect(r.transitions).toHaveLength(1);
    });
    it('degraded does not count as a failure (degraded, down, degraded, down stays up)', () => {
      expect(run([Up, Up, Degraded, Down, Degraded, Down]).state.hard).toBe('up');
    });
  });

  describe('unknown results', () => {
    it('neither advance nor reset the failure counter', () => {
      const r = run([Up, Up, Down, Unknown, Unknown, Down]);
      expect(r.state.hard).toBe('down');
      expect(r.transitions.at(-1)!.at).toBe(T0 + 5 * 60_000);
    });
    it('neither advance nor reset the success counter', () => {
      expect(run([Down, Down, Up, Unknown, Up]).state.hard).toBe('up');
      expect(run([Down, Down, Up, Unknown, Unknown]).state.hard).toBe('down');
      expect(run([Down, Down, Up, Unknown]).state.consecutiveUp).toBe(1);
    });
    it('never change the hard state, even a long run of them', () => {
      const r = run([Up, Up, ...Array<CheckOutcome>(50).fill(Unknown)]);
      expect(r.state.hard).toBe('up');
      expect(r.transitions).toHaveLength(1);
    });
    it('update lastResultAt but not lastKnownAt (staleness for the quorum)', () => {
      const r = run([Up, Unknown]);
      expect(r.state.lastResultAt).toBe(T0 + 60_000);
      expect(r.state.lastKnownAt).toBe(T0);
    });
    it('only unknowns keep the state unknown', () => {
      expect(run([Unknown, Unknown, Unknown]).state.hard).toBe('unknown');
    });
  });

  describe('replays and persistence', () => {
    it('ignores a result not after the last accepted one (duplicate or out of order)', () => {
      const s1 = stepSoftHard(initialSoftHardState('c', 'r'), { outcome: Down, at: 1000 });
      const dup = stepSoftHard(s1.state, { outcome: Down, at: 1000 });
      expect(dup.accepted).toBe(false);
      expect(dup.state).toBe(s1.state);
      expect(dup.transition).toBeUndefined();
      const older = stepSoftHard(s1.state, { outcome: Down, at: 999 });
      expect(older.accepted).toBe(false);
      const later = stepSoftHard(s1.state, { outcome: Down, at: 1001 });
      expect(later.accepted).toBe(true);
      expect(later.transition?.to).toBe('down');
    });
    it('also ignores a replayed unknown', () => {
      const s1 = stepSoftHard(initialSoftHardState('c', 'r'), { outcome: Unknown, at: 1000 });
      expect(stepSoftHard(s1.state, { outcome: Unknown, at: 1000 }).accepted).toBe(false);
    });
    it('survives a JSON round trip mid-way with the same outcome as an uninterrupted run', () => {
      const outcomes = [Up, Up, Down, Down, Up, Degraded, Degraded, Up, Up];
      const full = run(outcomes);
      const first = run(outcomes.slice(0, 3));
      const restored = JSON.parse(JSON.stringify(first.state)) as SoftHardState;
      const rest = replaySoftHard(
        restored,
        outcomes.slice(3).map((outcome, i) => ({ outcome, at: T0 + (i + 3) * 60_000 })),
      );
      expect(rest.state).toEqual(full.state);
      expect([...first.transitions, ...rest.transitions]).toEqual(full.transitions);
    });
    it('idempotency keys are deterministic: the same inputs give the same keys', () => {
      const a = run([Down, Down, Up, Up]).transitions.map((t) => t.idempotencyKey);
      const b = run([Down, Down, Up, Up]).transitions.map((t) => t.idempotencyKey);
      expect(a).toEqual(b);
      expect(new Set(a).size).toBe(a.length);
    });
    it('does not mutate the input state', () => {
      const s = initialSoftHardState('c', 'r');
      const copy = JSON.parse(JSON.stringify(s));
      stepSoftHard(s, { outcome: Down, at: 1 });
      expect(s).toEqual(copy);
    });
    it('uses the default config when none is given', () => {
      expect(DEFAULT_SOFT_HARD_CONFIG).toEqual({
        failureThreshold: 2,
        successThreshold: 2,
        degradedThreshold: 2,
      });
    });
  });
});
