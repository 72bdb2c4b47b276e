import { durationLabel, failureDuration, formatDuration } from './incident-duration';

const at = (iso: string) => Date.parse(iso);

describe('incident duration', () => {
  it('formats minutes, hours and days per language', () => {
    expect(formatDuration(59_000, 'en')).toBe('0 min');
    expect(formatDuration(4 * 60_000, 'ru')).toBe('4 мин');
    expect(formatDuration((2 * 60 + 5) * 60_000, 'en')).toBe('2 h 05 min');
    expect(formatDuration((27 * 60 + 30) * 60_000, 'kk')).toBe('1 тәулік 3 сағ');
  });

  it('runs from the first failing result to now while failing, to the recovery once recovering', () => {
    const base = { opened_at: '2026-12-03T10:02:00Z', first_failure_at: '2026-12-03T10:00:00Z', resolved_at: null };
    const failing = { ...base, phase: 'failing' as const, recovered_at: null };
    expect(failureDuration(failing, at('2026-12-03T10:12:00Z'))).toEqual({ ms: 12 * 60_000, live: true });
    const recovering = { ...base, phase: 'recovering' as const, recovered_at: '2026-12-03T10:07:00Z' };
    expect(failureDuration(recovering, at('2026-12-03T11:00:00Z'))).toEqual({ ms: 7 * 60_000, live: false });
    expect(durationLabel(failing, at('2026-12-03T10:12:00Z'), 'ru')).toBe('длится 12 мин');
    expect(durationLabel(recovering, at('2026-12-03T11:00:00Z'), 'en')).toBe('lasted 7 min');
  });

  it('falls back to the opening without a first failure time', () => {
    const i = { opened_at: '2026-12-03T10:02:00Z', first_failure_at: null, resolved_at: null, recovered_at: null, phase: 'failing' as const };
    expect(failureDuration(i, at('2026-12-03T10:05:00Z')).ms).toBe(3 * 60_000);
  });
});
