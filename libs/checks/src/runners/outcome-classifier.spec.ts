import { CheckOutcome, ERROR_CLASSES } from '../check-run-result';
import { classifyOutcome } from './outcome-classifier';

describe('classifyOutcome', () => {
  const ok = { condition: '[STATUS] == 200', success: true };
  const bad = { condition: '[BODY].status == "UP"', success: false, actual: '[BODY].status (DOWN) == "UP"' };

  it('uses the same numbers and error classes as the API stores', () => {
    expect(CheckOutcome).toEqual({ Up: 0, Degraded: 1, Down: 2, Unknown: 3 });
    expect([...ERROR_CLASSES]).toEqual(['dns', 'connect', 'timeout', 'tls', 'status', 'assertion']);
  });

  it('is Up when nothing failed and the run was fast', () => {
    expect(classifyOutcome({ conditions: [ok], latencyMs: 10, degradedMs: 100 })).toEqual({ outcome: CheckOutcome.Up });
  });

  it('is Down with the failure class, whatever the conditions and latency', () => {
    const v = classifyOutcome({
      failure: { errorClass: 'connect', message: 'ECONNREFUSED' },
      conditions: [bad],
      latencyMs: 5000,
      degradedMs: 100,
    });
    expect(v).toEqual({ outcome: CheckOutcome.Down, errorClass: 'connect', errorMessage: 'ECONNREFUSED' });
  });

  it('is Down assertion when a condition fails, naming it', () => {
    const v = classifyOutcome({ conditions: [ok, bad], latencyMs: 5 });
    expect(v.outcome).toBe(CheckOutcome.Down);
    expect(v.errorClass).toBe('assertion');
    expect(v.errorMessage).toContain('[BODY].status == "UP"');
  });

  it('is Degraded (no error class) over the latency threshold, not at it', () => {
    expect(classifyOutcome({ conditions: [], latencyMs: 101, degradedMs: 100 })).toMatchObject({
      outcome: CheckOutcome.Degraded,
    });
    expect(classifyOutcome({ conditions: [], latencyMs: 101, degradedMs: 100 }).errorClass).toBeUndefined();
    expect(classifyOutcome({ conditions: [], latencyMs: 100, degradedMs: 100 }).outcome).toBe(CheckOutcome.Up);
  });

  it('is Degraded for a kind-specific reason', () => {
    expect(classifyOutcome({ conditions: [], latencyMs: 1, degradedReason: 'expires in 3 days' })).toEqual({
      outcome: CheckOutcome.Degraded,
      errorMessage: 'expires in 3 days',
    });
  });
});
