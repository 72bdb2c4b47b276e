import type { ScheduledCheck } from '../scheduler/scheduler.types';
import { ManualClock } from '../scheduler/manual-clock';
import { SKIP_REPORT_TOP_CHECKS, SkipReport } from './skip-report';

const check = (id: number): ScheduledCheck => ({ id, key: `sys/c-${id}`, intervalMs: 10_000, timeoutMs: 5_000, host: 'h' });

function setup(intervalMs = 10_000) {
  const clock = new ManualClock(1_000_000);
  const lines: Array<{ obj: Record<string, unknown>; level: string }> = [];
  const logger = {
    info: (obj: object) => lines.push({ obj: obj as Record<string, unknown>, level: 'info' }),
    warn: (obj: object) => lines.push({ obj: obj as Record<string, unknown>, level: 'warn' }),
    error: (obj: object) => lines.push({ obj: obj as Record<string, unknown>, level: 'error' }),
  };
  const report = new SkipReport({ clock, logger, agentId: 'embedded', intervalMs });
  return { clock, lines, report };
}

describe('SkipReport', () => {
  it('logs one line per interval however many runs were skipped, with counts per reason and the most skipped checks', async () => {
    const t = setup();
    for (let i = 0; i < 5_000; i++) t.report.record(check(i % 50), i % 3 === 0 ? 'expired' : 'missed');
    for (let i = 0; i < 40; i++) t.report.record(check(7), 'starved');
    expect(t.lines).toHaveLength(0);
    await t.clock.advance(10_000);
    expect(t.lines).toHaveLength(1);
    const line = t.lines[0].obj;
    expect(t.lines[0].level).toBe('warn');
    expect(line).toMatchObject({
      event: 'agent.runs_skipped',
      agent: 'embedded',
      interval_s: 10,
      total: 5_040,
      by_reason: { overlap: 0, missed: 3_333, expired: 1_667, starved: 40 },
      checks: 50,
    });
    const top = line.top_checks as Array<{ check: string; skipped: number }>;
    expect(top).toHaveLength(SKIP_REPORT_TOP_CHECKS);
    expect(top[0]).toEqual({ check: 'sys/c-7', skipped: 140 });
    expect(top.slice(1).every((c) => c.skipped === 100)).toBe(true);
  });

  it('starts a fresh interval after each line, keeps lifetime totals, and stays quiet while nothing is skipped', async () => {
    const t = setup();
    t.report.record(check(1), 'overlap');
    await t.clock.advance(10_000);
    t.report.record(check(2), 'expired');
    t.report.record(check(2), 'expired');
    await t.clock.advance(10_000);
    expect(t.lines.map((l) => [l.obj.total, l.obj.by_reason])).toEqual([
      [1, { overlap: 1, missed: 0, expired: 0, starved: 0 }],
      [2, { overlap: 0, missed: 0, expired: 2, starved: 0 }],
    ]);
    await t.clock.advance(60_000);
    expect(t.lines).toHaveLength(2);
    expect(t.clock.pendingTimers).toBe(0);
    expect(t.report.counts()).toEqual({ overlap: 1, missed: 0, expired: 2, starved: 0 });
  });

  it('reports what is left on stop', async () => {
    const t = setup();
    t.report.record(check(3), 'missed');
    await t.clock.advance(2_500);
    t.report.stop();
    expect(t.lines).toHaveLength(1);
    expect(t.lines[0].obj).toMatchObject({ total: 1, interval_s: 2.5 });
    expect(t.clock.pendingTimers).toBe(0);
  });
});
