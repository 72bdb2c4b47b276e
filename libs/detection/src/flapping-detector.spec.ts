import {
  changeWeight,
  FlappingState,
  FlapStateValue,
  initialFlappingState,
  percentStateChange,
  stepFlapping,
} from './flapping-detector';

/** 21 states, oldest first, with a state change exactly at the given change indices (0..19). */
function withChangesAt(indices: number[]): string[] {
  const states = ['A'];
  for (let i = 0; i < 20; i++) {
    const prev = states[i]!;
    states.push(indices.includes(i) ? (prev === 'A' ? 'B' : 'A') : prev);
  }
  return states;
}

function feed(values: FlapStateValue[], state: FlappingState = initialFlappingState()) {
  let s = state;
  return values.map((v) => {
    const r = stepFlapping(s, v);
    s = r.state;
    return r;
  });
}

describe('Nagios weights', () => {
  it('run linearly from 0.75 (oldest change) to 1.25 (newest), 20 of them', () => {
    expect(changeWeight(0)).toBe(0.75);
    expect(changeWeight(19)).toBe(1.25);
    expect(changeWeight(1) - changeWeight(0)).toBeCloseTo(0.5 / 19, 12);
  });
});

describe('percentStateChange (hand-computed, as Nagios flapping.c)', () => {
  it('no change is 0%', () => {
    expect(percentStateChange(Array(21).fill('A'))).toBe(0);
  });
  it('a change on every check is 100% (weights average to 1)', () => {
    expect(percentStateChange(withChangesAt([...Array(20).keys()]))).toBeCloseTo(100, 10);
  });
  it('one newest change: 1.25 / 20 = 6.25%', () => {
    expect(percentStateChange(withChangesAt([19]))).toBeCloseTo(6.25, 12);
  });
  it('one oldest change: 0.75 / 20 = 3.75%', () => {
    expect(percentStateChange(withChangesAt([0]))).toBeCloseTo(3.75, 12);
  });
  it('oldest and newest: (0.75 + 1.25) / 20 = 10%', () => {
    expect(percentStateChange(withChangesAt([0, 19]))).toBeCloseTo(10, 12);
  });
  it('the last 10 changes: (7.5 + 145/38) / 20 = 56.5789%', () => {
    expect(percentStateChange(withChangesAt([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]))).toBeCloseTo(
      56.578947,
      5,
    );
  });
  it('the first 10 changes: (7.5 + 45/38) / 20 = 43.4211% (recent changes weigh more)', () => {
    expect(percentStateChange(withChangesAt([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]))).toBeCloseTo(43.421053, 5);
  });
  it('7 changes spread like the Nagios docs figure: unweighted 35%, weighted 35.59%', () => {
    const idx = [2, 5, 7, 10, 13, 16, 18];
    const expected = (idx.reduce((a, i) => a + 0.75 + i / 38, 0) * 100) / 20; // (5.25 + 71/38) * 5
    expect(expected).toBeCloseTo(35.5921053, 6);
    expect(percentStateChange(withChangesAt(idx))).toBeCloseTo(expected, 10);
  });
  it('counts a change between any two different consecutive states (three-valued)', () => {
    const states = [...Array(18).fill('up'), 'degraded', 'down', 'up'];
    // changes at indices 17, 18, 19: (2.25 + 54/38) / 20
    expect(percentStateChange(states)).toBeCloseTo(((2.25 + 54 / 38) * 100) / 20, 10);
  });
  it('only the newest 21 states count', () => {
    const old = ['X', 'Y', 'X', 'Y'];
    expect(percentStateChange([...old, ...withChangesAt([19])])).toBeCloseTo(6.25, 12);
  });
  it('a short history is aligned on the newest state (missing old slots = no change)', () => {
    expect(percentStateChange([])).toBe(0);
    expect(percentStateChange(['A'])).toBe(0);
    expect(percentStateChange(['A', 'B'])).toBeCloseTo(6.25, 12);
    expect(percentStateChange(['A', 'B', 'A'])).toBeCloseTo(((1.25 + 0.75 + 18 / 38) * 100) / 20, 12);
  });
  it('works with numeric states (CheckOutcome)', () => {
    expect(percentStateChange([0, 2])).toBeCloseTo(6.25, 12);
  });
});

describe('flapping hysteresis (start >= 20%, stop < 5%)', () => {
  it('three newest changes (18.36%: (2.25 + 54/38) / 20) do not start flapping, four (24.21%) do', () => {
    const three = feed(withChangesAt([17, 18, 19]));
    expect(three.at(-1)!.percent).toBeCloseTo(18.355263, 5);
    expect(three.some((r) => r.flapping)).toBe(false);
    const four = feed(withChangesAt([16, 17, 18, 19]));
    expect(four.at(-1)!.percent).toBeCloseTo(24.210526, 5);
    expect(four.at(-1)!.flapping).toBe(true);
    expect(four.at(-1)!.transition).toBe('start');
    expect(four.filter((r) => r.transition).length).toBe(1);
  });
  it('exactly 20% starts flapping (changes 8..11: weights sum to 4.0)', () => {
    const r = feed(withChangesAt([8, 9, 10, 11]));
    expect(r.at(-1)!.percent).toBeCloseTo(20, 10);
    expect(r.some((x) => x.transition === 'start')).toBe(true);
  });
  it('holds between 5% and 20%, stops below 5%, once', () => {
    // Flap hard, then stay stable: changes slide out of the window one by one.
    const results = feed([...withChangesAt([...Array(20).keys()]), ...Array(21).fill('A')]);
    const starts = results.filter((r) => r.transition === 'start');
    const stops = results.filter((r) => r.transition === 'stop');
    expect(starts).toHaveLength(1);
    expect(stops).toHaveLength(1);
    const stopIndex = results.findIndex((r) => r.transition === 'stop');
    expect(results[stopIndex]!.percent).toBeLessThan(5);
    expect(results[stopIndex - 1]!.percent).toBeGreaterThanOrEqual(5);
    // Every step between start and stop stays flapping, even below 20%.
    const startIndex = results.findIndex((r) => r.transition === 'start');
    const between = results.slice(startIndex, stopIndex);
    expect(between.every((r) => r.flapping)).toBe(true);
    expect(between.some((r) => r.percent < 20)).toBe(true);
    expect(results.at(-1)!.percent).toBe(0);
  });
  it('a single remaining newest change (6.25%) keeps it flapping; stop is strict', () => {
    const flapping: FlappingState = { history: withChangesAt([19]).slice(0, 20), flapping: true };
    const r = stepFlapping(flapping, withChangesAt([19])[20]!);
    expect(r.percent).toBeCloseTo(6.25, 12);
    expect(r.flapping).toBe(true);
    const strict = stepFlapping(flapping, withChangesAt([19])[20]!, { startPercent: 20, stopPercent: 6.25 });
    expect(strict.flapping).toBe(true);
    const above = stepFlapping(flapping, withChangesAt([19])[20]!, { startPercent: 20, stopPercent: 6.26 });
    expect(above.flapping).toBe(false);
    expect(above.transition).toBe('stop');
  });
  it('keeps at most 21 states and round-trips through JSON', () => {
    const results = feed(Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? 'up' : 'down')));
    const last = results.at(-1)!.state;
    expect(last.history).toHaveLength(21);
    const restored = JSON.parse(JSON.stringify(last)) as FlappingState;
    expect(stepFlapping(restored, 'up')).toEqual(stepFlapping(last, 'up'));
  });
});
