import { publicMaintenance } from './public-maintenance';
import type { PublicWindowRow } from './public-status.repository';

const H = 3_600_000;
const NOW = Date.UTC(2026, 0, 5, 10, 0, 0); // a Monday, 15:00 in Almaty (UTC+5)
const base = { title: { kk: 'k', ru: 'r', en: 'e' }, timezone: 'Asia/Almaty', systems: ['egov'] };
const oneOff = (code: string, start: number, end: number): PublicWindowRow => ({
  ...base,
  code,
  startsAt: start,
  endsAt: end,
  recurrence: null,
  startTime: null,
  durationMs: null,
});

describe('publicMaintenance', () => {
  it('keeps active and upcoming one-off windows, soonest first; drops ended and far ones', () => {
    const out = publicMaintenance(
      [
        oneOff('later', NOW + 2 * H, NOW + 3 * H),
        oneOff('now', NOW - H, NOW + H),
        oneOff('ended', NOW - 3 * H, NOW - H),
        oneOff('far', NOW + 30 * 24 * H, NOW + 31 * 24 * H),
      ],
      NOW,
    );
    expect(out.map((m) => m.code)).toEqual(['now', 'later']);
    expect(out[0]).toEqual({ title: base.title, systems: base.systems, code: 'now', starts_at: new Date(NOW - H).toISOString(), ends_at: new Date(NOW + H).toISOString() });
  });

  it('gives a recurring window its occurrence in progress, else its next one', () => {
    const weekly = (code: string, startTime: string): PublicWindowRow => ({
      ...base,
      code,
      startsAt: null,
      endsAt: null,
      recurrence: 'FREQ=WEEKLY;BYDAY=MO',
      startTime,
      durationMs: 2 * H,
    });
    const [running, next] = publicMaintenance([weekly('running', '14:00'), weekly('next', '16:00')], NOW);
    expect(running).toMatchObject({ code: 'running', starts_at: '2026-01-05T09:00:00.000Z', ends_at: '2026-01-05T11:00:00.000Z' });
    expect(next).toMatchObject({ code: 'next', starts_at: '2026-01-05T11:00:00.000Z' });
  });
});
