import { Alarm } from './alarm';

// Node has no document nor AudioContext: the title is a plain object here, and the sound is
// 'unavailable' (the audio path is the browser test's, test/browser/board-i18n.browser-spec.ts).
const doc = { title: 'Kuzet' };
beforeAll(() => Object.assign(globalThis, { document: doc }));
afterAll(() => Reflect.deleteProperty(globalThis, 'document'));

describe('Alarm', () => {
  it('stays until the incident that was open when it rose is acknowledged', () => {
    const alarm = new Alarm(() => false);
    const states = new Map<number, string>([[1, 'open']]);
    alarm.raise({ id: 1, state: 'open' }, 'New critical incident');
    expect(alarm.active).toBe(true);
    alarm.follow((id) => states.get(id));
    expect(alarm.active).toBe(true);
    states.set(1, 'acknowledged');
    alarm.follow((id) => states.get(id));
    expect(alarm.active).toBe(false);
    expect(doc.title).toBe('Kuzet');
    expect(alarm.sound).toBe('unavailable');
  });

  it('for an incident already acknowledged when it escalated, stays until the alarm itself is acknowledged or it resolves', () => {
    const alarm = new Alarm(() => false);
    alarm.raise({ id: 2, state: 'acknowledged' }, 'x');
    alarm.follow(() => 'acknowledged');
    expect(alarm.active).toBe(true);
    alarm.silence();
    expect(alarm.active).toBe(false);
    alarm.raise({ id: 3, state: 'acknowledged' }, 'x');
    alarm.follow(() => 'resolved');
    expect(alarm.active).toBe(false);
  });

  it('tells its listeners when it rises and ends, with several incidents ending one by one', () => {
    const alarm = new Alarm(() => true);
    let told = 0;
    alarm.subscribe(() => told++);
    const states = new Map<number, string>([[4, 'open'], [5, 'open']]);
    alarm.raise({ id: 4, state: 'open' }, 'a');
    alarm.raise({ id: 5, state: 'open' }, 'b');
    states.set(4, 'acknowledged');
    alarm.follow((id) => states.get(id));
    expect(alarm.active).toBe(true);
    states.set(5, 'resolved');
    alarm.follow((id) => states.get(id));
    expect(alarm.active).toBe(false);
    expect(told).toBe(4);
  });
});
