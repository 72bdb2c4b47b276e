import { BadRequestException, NotFoundException } from '@nestjs/common';
import { UptimeRepository } from './uptime.repository';
import type { UptimeSystem } from './uptime.repository';
import type { StatusChange } from './status-timeline';
import { resolveRange, UptimeService } from './uptime.service';

const MIN = 60_000;
/** 2026-01-10 00:00 Asia/Almaty (UTC+5). */
const D = Date.UTC(2026, 0, 9, 19, 0);
const iso = (ms: number) => new Date(ms).toISOString();

/** The repository's reads answered from memory (no SQL is run). */
class MemoryRepository extends UptimeRepository {
  constructor(
    private readonly catalog: UptimeSystem[],
    private readonly history: Map<number, StatusChange[]>,
  ) {
    super({ query: () => Promise.reject(new Error('no SQL in unit tests')) });
  }

  override async systemByCode(code: string): Promise<UptimeSystem | null> {
    return this.catalog.find((s) => s.code === code) ?? null;
  }

  override async agencySystems(code: string): Promise<UptimeSystem[] | null> {
    return code === 'agency' ? this.catalog : null;
  }

  override async statusTimelines(systemIds: readonly number[]): Promise<Map<number, StatusChange[]>> {
    return new Map(systemIds.map((id) => [id, this.history.get(id) ?? []]));
  }
}

describe('UptimeService', () => {
  const catalog: UptimeSystem[] = [
    { id: 1, code: 'gateway', agencyId: 1, agencyCode: 'nit', tier: 'critical', sloTarget: null, isPublic: true },
    { id: 2, code: 'portal', agencyId: 1, agencyCode: 'nit', tier: 'normal', sloTarget: null, isPublic: false },
  ];
  const history = new Map<number, StatusChange[]>([
    [
      1,
      [
        { at: D, status: 'operational' },
        { at: D + 60 * MIN, status: 'major_outage' },
        { at: D + 70 * MIN, status: 'operational' },
      ],
    ],
    [
      2,
      [
        { at: D, status: 'major_outage' },
        { at: D + 100 * MIN, status: 'operational' },
      ],
    ],
  ]);
  const service = new UptimeService(new MemoryRepository(catalog, history));
  const day = { from: iso(D), to: iso(D + 1440 * MIN) };
  const now = D + 2880 * MIN;

  it('a system: its own timeline', async () => {
    const r = await service.system('gateway', day, now);
    expect(r).toMatchObject({ granularity: 'day', resolution: 'exact', from: day.from, to: day.to });
    expect(r.days.map((d) => [d.date, d.minutes.major, d.minutes.operational])).toEqual([
      ['2026-01-10', 10, 1430],
    ]);
  });

  it('an agency: the critical system major is major, the normal one partial', async () => {
    const r = await service.agency('agency', { ...day, granularity: 'range' }, now);
    expect(r.days).toEqual([]);
    expect(r.total.minutes).toMatchObject({ major: 10, partial: 90, operational: 1340 });
    expect(r.total.uptime).toBeCloseTo(1 - (10 + 0.3 * 90) / 1440, 12);
  });

  it('after now is no data', async () => {
    const r = await service.system('gateway', day, D + 720 * MIN);
    expect(r.total.minutes).toMatchObject({ major: 10, operational: 710, no_data: 720 });
  });

  it('404 for unknown codes', async () => {
    await expect(service.system('nope', {}, now)).rejects.toBeInstanceOf(NotFoundException);
    await expect(service.agency('nope', {}, now)).rejects.toBeInstanceOf(NotFoundException);
  });
});

describe('resolveRange', () => {
  const now = Date.UTC(2026, 5, 1);
  const message = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(BadRequestException);
      return (e as BadRequestException).message;
    }
    throw new Error('no error');
  };

  it('defaults to the last 30 days, per day', () => {
    expect(resolveRange({}, now)).toEqual({ from: now - 30 * 86_400_000, to: now, granularity: 'day' });
  });

  it('names the bad field', () => {
    expect(message(() => resolveRange({ from: 'nope' }, now))).toMatch(/^from/);
    expect(
      message(() => resolveRange({ from: '2026-01-02T00:00:00Z', to: '2026-01-01T00:00:00Z' }, now)),
    ).toMatch(/^to/);
    expect(
      message(() => resolveRange({ from: '2024-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, now)),
    ).toMatch(/^from/);
    expect(message(() => resolveRange({ granularity: 'week' }, now))).toMatch(/^granularity/);
  });
});
