import { decodeCursor, encodeCursor, intParam, languageParam } from './public-query';

describe('public query parameters', () => {
  it('round-trips a cursor and refuses garbage naming the field', () => {
    const c = { openedAt: '2026-01-05T10:00:00.000Z', id: 42 };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
    expect(() => decodeCursor('bm9wZQ')).toThrow('cursor:');
  });

  it('bounds integers and languages', () => {
    expect(intParam('days', undefined, 90, 1, 366)).toBe(90);
    expect(intParam('days', '30', 90, 1, 366)).toBe(30);
    expect(() => intParam('days', '0', 90, 1, 366)).toThrow('days:');
    expect(() => intParam('days', '1e3', 90, 1, 366)).toThrow('days:');
    expect(languageParam(undefined)).toBe('ru');
    expect(languageParam('kk')).toBe('kk');
    expect(() => languageParam('de')).toThrow('lang:');
  });
});
