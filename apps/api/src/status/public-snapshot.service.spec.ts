import type { PublicStatus } from '@kuzet/contracts';
import { IncidentEvents } from '../incidents/incident-events.service';
import { PublicSnapshotService, SNAPSHOT_MAX_AGE_MS } from './public-snapshot.service';
import type { PublicStatusRepository } from './public-status.repository';
import type { StatusClock } from './status-clock';

function setup(statuses: (PublicStatus | null)[] = ['operational']) {
  const counts = { systems: 0 };
  const repo = {
    systems: async () => {
      counts.systems++;
      return statuses.map((status, i) => ({ id: i + 1, code: `s${i}`, name: { kk: 'k', ru: 'r', en: 'e' }, agency: 'nit', category: null, status, statusSince: null }));
    },
    agencies: async () => [],
    categories: async () => [],
    windows: async () => [],
    activeIncidents: async () => [],
    updates: async () => new Map(),
  } as unknown as PublicStatusRepository;
  const clock = { t: 1_000_000, now() { return this.t; } };
  const events = new IncidentEvents();
  const service = new PublicSnapshotService(repo, clock as StatusClock, events);
  service.onModuleInit();
  return { service, counts, clock, events };
}

describe('PublicSnapshotService', () => {
  it('builds once for any number of concurrent requests, and not again until a change', async () => {
    const { service, counts } = setup();
    const all = await Promise.all(Array.from({ length: 50 }, () => service.snapshot()));
    expect(counts.systems).toBe(1);
    expect(new Set(all.map((s) => s.etag)).size).toBe(1);
    await service.snapshot();
    expect(counts.systems).toBe(1);
  });

  it('answers requests during a rebuild with the previous snapshot, the one that started it with the new one', async () => {
    const { service, counts, events } = setup();
    const first = await service.snapshot();
    events.emit({ type: 'updated', incident: {} as never });
    const starter = service.snapshot();
    const during = await service.snapshot();
    expect(during).toBe(first);
    const rebuilt = await starter;
    expect(rebuilt).not.toBe(first);
    expect(counts.systems).toBe(2);
    expect(await service.snapshot()).toBe(rebuilt);
  });

  it('rebuilds after an incident change, and after the maximum age; the ETag ignores the build time', async () => {
    const { service, counts, clock, events } = setup();
    const first = await service.snapshot();
    events.emit({ type: 'updated', incident: {} as never });
    const second = await service.snapshot();
    expect(counts.systems).toBe(2);
    expect(second.etag).toBe(first.etag);
    clock.t += SNAPSHOT_MAX_AGE_MS;
    const third = await service.snapshot();
    expect(counts.systems).toBe(3);
    expect(third.summary.generated_at).not.toBe(first.summary.generated_at);
    expect(third.etag).toBe(first.etag);
  });

  it('rebuilds at once, without waiting for a request, when a change came during a build', async () => {
    const { service, counts, events } = setup();
    await service.snapshot();
    events.emit({ type: 'updated', incident: {} as never });
    const building = service.snapshot();
    // the change lands while that build is in flight: its readers got the previous snapshot
    events.emit({ type: 'updated', incident: {} as never });
    await building;
    await new Promise((resolve) => setImmediate(resolve));
    expect(counts.systems).toBe(3);
    const settled = await service.snapshot();
    expect(counts.systems).toBe(3);
    expect(settled).not.toBe(await building);
  });

  describe('overall: never "operational" unless every public system is known and operational', () => {
    const overallOf = async (statuses: (PublicStatus | null)[]) => {
      const { summary } = (await setup(statuses).service.snapshot());
      return { overall: summary.overall, systems_without_data: summary.systems_without_data };
    };

    it('a few operational systems among many without data: null, with the count (not "operational")', async () => {
      const statuses = [...Array<PublicStatus>(7).fill('operational'), ...Array<null>(30).fill(null)];
      expect(await overallOf(statuses)).toEqual({ overall: null, systems_without_data: 30 });
    });

    it('a known outage leads, however many systems have no data', async () => {
      expect(await overallOf(['operational', 'major_outage', null, null])).toEqual({ overall: 'major_outage', systems_without_data: 2 });
      expect(await overallOf([null, 'degraded_performance', 'operational'])).toEqual({ overall: 'degraded_performance', systems_without_data: 1 });
    });

    it('operational when all are; null with no data at all; the count is in the served JSON', async () => {
      expect(await overallOf(['operational', 'operational'])).toEqual({ overall: 'operational', systems_without_data: 0 });
      expect(await overallOf([null, null])).toEqual({ overall: null, systems_without_data: 2 });
      const body = JSON.parse((await setup(['operational', null]).service.snapshot()).body) as Record<string, unknown>;
      expect(body).toMatchObject({ overall: null, systems_without_data: 1 });
    });
  });
});
