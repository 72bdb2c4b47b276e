import { judgeProbing, PROBING_STALL_MIN_S } from './probing-stall';

describe('judgeProbing', () => {
  const t0 = Date.parse('2026-12-03T08:00:00Z');
  const at = (s: number) => new Date(t0 + s * 1000);

  it('is ok without probed checks, whatever the results', () => {
    expect(judgeProbing({ checks: 0, minIntervalS: null, lastResultAt: null, now: t0 + 3_600_000, since: t0 })).toMatchObject({ ok: true });
  });

  it('stalls when checks exist but no result came for max(3 x the smallest interval, 60 s)', () => {
    const base = { checks: 5, minIntervalS: 10, since: t0 - 3_600_000 };
    expect(judgeProbing({ ...base, lastResultAt: at(0), now: t0 + 59_000 })).toMatchObject({ ok: true, stall_after_s: PROBING_STALL_MIN_S });
    expect(judgeProbing({ ...base, lastResultAt: at(0), now: t0 + 61_000 })).toMatchObject({ ok: false, last_result_age_s: 61 });
    const slow = { ...base, minIntervalS: 60 };
    expect(judgeProbing({ ...slow, lastResultAt: at(0), now: t0 + 179_000 })).toMatchObject({ ok: true, stall_after_s: 180 });
    expect(judgeProbing({ ...slow, lastResultAt: at(0), now: t0 + 181_000 }).ok).toBe(false);
    expect(judgeProbing({ ...base, lastResultAt: null, now: t0 })).toMatchObject({ ok: false, last_result_age_s: null });
  });

  it('gives a process that just started the same bound before it expects a result', () => {
    expect(judgeProbing({ checks: 5, minIntervalS: 10, lastResultAt: null, since: t0, now: t0 + 30_000 }).ok).toBe(true);
    expect(judgeProbing({ checks: 5, minIntervalS: 10, lastResultAt: null, since: t0, now: t0 + 61_000 }).ok).toBe(false);
  });
});
