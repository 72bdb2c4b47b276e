import { EVIDENCE_CHUNK_SYSTEMS, EvidenceCollector } from './evidence-collector.service';
import type { LatestCheckRun } from './probe-evidence';
import type { ScoredSystem, ScoringEvidenceRepository } from './scoring-evidence.repository';
import type { UptimeService } from '../uptime/uptime.service';

const NOW = Date.UTC(2026, 11, 4, 12, 0);

const system = (id: number): ScoredSystem => ({ id, code: `s${id}`, agencyId: 1, agency: 'a', tier: 'normal', sloTarget: null });

/** One http check per system, whose Server header names the system it belongs to. */
const runOf = (systemId: number): LatestCheckRun => ({
  checkId: systemId * 10,
  kind: 'http',
  target: `https://s${systemId}.example.kz/`,
  servername: null,
  region: 'almaty',
  observedAt: new Date(NOW - 60_000).toISOString(),
  details: { headers: { server: `server-of-s${systemId}` } },
});

function collectorOver(count: number) {
  const systems = Array.from({ length: count }, (_, i) => system(i + 1));
  const repo = {
    enabledSystems: jest.fn(async () => systems),
    latestRuns: jest.fn(async (ids: readonly number[]) => new Map(ids.map((id) => [id, [runOf(id)]]))),
    rootIncidents: jest.fn(async (ids: readonly number[]) => new Map(ids.map((id) => [id, []]))),
  };
  const uptime = { totals: jest.fn(async () => new Map()) };
  const collector = new EvidenceCollector(repo as unknown as ScoringEvidenceRepository, uptime as unknown as UptimeService);
  return { collector, repo, uptime };
}

describe('EvidenceCollector', () => {
  it('reads the evidence in chunks of systems, so one result set never holds every check', async () => {
    const count = 2 * EVIDENCE_CHUNK_SYSTEMS + 50;
    const { collector, repo, uptime } = collectorOver(count);
    const collected = await collector.collect(NOW);

    const sizes = (calls: unknown[][]) => calls.map((c) => (c[0] as number[]).length);
    expect(sizes(repo.latestRuns.mock.calls)).toEqual([EVIDENCE_CHUNK_SYSTEMS, EVIDENCE_CHUNK_SYSTEMS, 50]);
    expect(sizes(repo.rootIncidents.mock.calls)).toEqual([EVIDENCE_CHUNK_SYSTEMS, EVIDENCE_CHUNK_SYSTEMS, 50]);
    expect(sizes(uptime.totals.mock.calls)).toEqual([EVIDENCE_CHUNK_SYSTEMS, EVIDENCE_CHUNK_SYSTEMS, 50]);
    // Every system once, in order, each with its own check's facts.
    expect(collected.map((c) => c.system.id)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    for (const c of collected) expect(c.evidence.http.map((h) => h.headers.server)).toEqual([`server-of-${c.system.code}`]);
  });

  it('stops at shutdown before reading the next chunk', async () => {
    const { collector, repo } = collectorOver(EVIDENCE_CHUNK_SYSTEMS + 1);
    const shutdown = new AbortController();
    repo.latestRuns.mockImplementationOnce(async (ids: readonly number[]) => {
      shutdown.abort();
      return new Map(ids.map((id) => [id, [runOf(id)]]));
    });
    await expect(collector.collect(NOW, shutdown.signal)).rejects.toThrow();
    expect(repo.latestRuns).toHaveBeenCalledTimes(1);
  });
});
