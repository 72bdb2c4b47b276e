import { BehaviorSubject } from 'rxjs';
import { LeaderRole } from './leader-role';

describe('LeaderRole', () => {
  const quiet = { log: () => undefined, error: () => undefined };

  it('starts on promotion, stops on step-down, never overlapping, and stops on close', async () => {
    const leading = new BehaviorSubject(false);
    const calls: string[] = [];
    let release: () => void = () => undefined;
    const role = new LeaderRole(
      'work',
      leading,
      {
        start: () =>
          new Promise<void>((r) => {
            calls.push('start');
            // the first start waits for the test; later ones end at once
            if (calls.length === 1) release = r;
            else r();
          }),
        stop: () => void calls.push('stop'),
      },
      quiet,
    );
    leading.next(true);
    leading.next(false); // arrives while start is still running
    await new Promise((r) => setImmediate(r));
    expect(calls).toEqual(['start']);
    release();
    await role.settled();
    expect(calls).toEqual(['start', 'stop']);
    leading.next(true);
    await role.settled();
    await role.close();
    expect(calls).toEqual(['start', 'stop', 'start', 'stop']);
  });

  it('a failing start is logged and the next step-down still runs stop', async () => {
    const leading = new BehaviorSubject(true);
    const errors: object[] = [];
    const calls: string[] = [];
    const role = new LeaderRole(
      'work',
      leading,
      {
        start: () => Promise.reject(new Error('boom')),
        stop: () => void calls.push('stop'),
      },
      { log: () => undefined, error: (m) => errors.push(m) },
    );
    await role.settled();
    expect(errors).toHaveLength(1);
    leading.next(false);
    await role.settled();
    expect(calls).toEqual(['stop']);
  });
});
