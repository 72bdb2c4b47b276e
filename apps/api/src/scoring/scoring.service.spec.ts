import { Logger } from '@nestjs/common';
import type { AgencyScore, Finding, FixedFinding, SystemEvidence, SystemScore } from '@kuzet/scoring';
import { scoreAgency, scoreSystem } from '@kuzet/scoring';
import type { RealtimePublisher } from '../realtime/realtime-publisher.service';
import type { CollectedEvidence, EvidenceCollector } from './evidence-collector.service';
import type { ScoreSnapshotsRepository } from './score-snapshots.repository';
import type { ScoringClock } from './scoring-clock';
import { ScoringService } from './scoring.service';

// The scorer is the scoring library's job (unit-tested there); here it is a stand-in that scores
// 100 minus the findings it is handed, so the job's wiring shows in the numbers.
jest.mock('@kuzet/scoring', () => ({
  ...jest.requireActual('@kuzet/scoring'),
  scoreSystem: jest.fn(),
  scoreAgency: jest.fn(),
}));

const DAY = 86_400_000;
/** 2026-03-10 12:00 Asia/Almaty. */
const NOW = Date.UTC(2026, 2, 10, 7, 0);

const finding = (rule: string, pointsLost: number, component: Finding['component'] = 'tls'): Finding => ({
  rule,
  component,
  pointsLost,
  reason: rule,
  fix: 'fix it',
  evidence: { checkId: 1, region: 'almaty', observedAt: '2026-03-10T06:59:00.000Z', fact: rule },
  source: { standard: 's', section: '1', url: 'https://example.org' },
});
/** What the scorer says when a fact was not observed at all (no check, or no run yet). */
const notObserved = (rule: string, pointsLost: number): Finding => ({ ...finding(rule, pointsLost, 'modernity'), evidence: { fact: 'no TLS evidence' } });

function evidence(system: string, agency: string): SystemEvidence {
  return {
    system,
    agency,
    tier: 'normal',
    tls: [],
    http: [],
    dns: [],
    reliability: { windowDays: 28, sloTarget: 0.999, availability: 1, degradedShare: 0, incidents: 0, mttrMs: null, mtbfMs: null },
  };
}

function collected(id: number, system: string, agencyId: number, agency: string): CollectedEvidence {
  return { system: { id, code: system, agencyId, agency, tier: 'normal', sloTarget: null }, evidence: evidence(system, agency) };
}

describe('ScoringService (one scoring run)', () => {
  beforeAll(() => Logger.overrideLogger(false));
  /** Findings each system shows now, by system code. */
  let present: Record<string, Finding[]>;
  let fixedStore: Map<number, FixedFinding[]>;
  let snapshots: jest.Mocked<Pick<ScoreSnapshotsRepository, 'recordFindings' | 'fixedSince' | 'forgetFixedBefore' | 'upsertSystemSnapshot' | 'upsertAgencySnapshot' | 'latestAgencies'>>;
  let publisher: { scoreUpdated: jest.Mock };
  let collector: { collect: jest.Mock };
  let service: ScoringService;

  beforeEach(() => {
    present = { a1: [finding('tls.protocol.tls10', 6), finding('reliability.availability', 10, 'reliability')], a2: [notObserved('modernity.tls13', 2)], b1: [finding('eol.php', 25, 'obsolescence')] };
    fixedStore = new Map();
    jest.mocked(scoreSystem).mockImplementation((e: SystemEvidence, ctx: { now: number; fixed?: FixedFinding[] }): SystemScore => {
      const faded = (ctx.fixed ?? []).map((f) => ({ ...f.finding, pointsLost: f.finding.pointsLost / 2 }));
      const findings = [...present[e.system], ...faded];
      const score = 100 - findings.reduce((s, f) => s + f.pointsLost, 0);
      return {
        system: e.system,
        agency: e.agency,
        tier: e.tier,
        score,
        grade: score >= 90 ? 'A' : score >= 80 ? 'B' : score >= 70 ? 'C' : 'F',
        components: {} as SystemScore['components'],
        caps: [],
        findings,
        tlsGrade: null,
        httpObservatory: null,
      };
    });
    jest.mocked(scoreAgency).mockImplementation((agency: string, systems: readonly SystemScore[]): AgencyScore => {
      const worst = Math.min(...systems.map((s) => s.score));
      const mean = systems.reduce((s, x) => s + x.score, 0) / systems.length;
      const score = 0.5 * mean + 0.5 * worst;
      return { agency, score, grade: score >= 90 ? 'A' : score >= 80 ? 'B' : 'F', weightedMean: mean, worst: null, systems: [] };
    });
    snapshots = {
      recordFindings: jest.fn().mockResolvedValue(undefined),
      fixedSince: jest.fn().mockImplementation(async (ids: number[]) => new Map(ids.map((id) => [id, fixedStore.get(id) ?? []]))),
      forgetFixedBefore: jest.fn().mockResolvedValue(undefined),
      upsertSystemSnapshot: jest.fn().mockResolvedValue(undefined),
      upsertAgencySnapshot: jest.fn().mockResolvedValue(undefined),
      latestAgencies: jest.fn().mockResolvedValue([]),
    };
    publisher = { scoreUpdated: jest.fn() };
    collector = { collect: jest.fn().mockResolvedValue([collected(1, 'a1', 10, 'aa'), collected(2, 'a2', 10, 'aa'), collected(3, 'b1', 20, 'bb')]) };
    service = new ScoringService(
      collector as unknown as EvidenceCollector,
      snapshots as unknown as ScoreSnapshotsRepository,
      { now: () => NOW } as ScoringClock,
      publisher as unknown as RealtimePublisher,
    );
  });

  it('scores every system and agency, keeps the Asia/Almaty day, and publishes each agency once', async () => {
    const run = await service.runOnce();
    expect(run.day).toBe('2026-03-10');
    expect(run.systems.map((s) => [s.system, s.score])).toEqual([['a1', 84], ['a2', 98], ['b1', 75]]);
    expect(run.agencies.map((a) => [a.agency, a.score])).toEqual([['aa', 87.5], ['bb', 75]]);
    expect(snapshots.upsertSystemSnapshot).toHaveBeenCalledTimes(3);
    expect(snapshots.upsertSystemSnapshot.mock.calls[0].slice(0, 2)).toEqual(['2026-03-10', { systemId: 1, agencyId: 10 }]);
    expect(snapshots.upsertAgencySnapshot.mock.calls.map((c) => c.slice(0, 2))).toEqual([['2026-03-10', 10], ['2026-03-10', 20]]);
    expect(publisher.scoreUpdated.mock.calls.map((c) => c[0])).toEqual([
      { agency: 'aa', score: 87.5, grade: 'B' },
      { agency: 'bb', score: 75, grade: 'F' },
    ]);
  });

  it('stops between two systems when shut down while it scores, before writing anything', async () => {
    const shutdown = new AbortController();
    const score = jest.mocked(scoreSystem).getMockImplementation()!;
    const scored: string[] = [];
    jest.mocked(scoreSystem).mockImplementation((e, ctx) => {
      scored.push(e.system);
      shutdown.abort();
      return score(e, ctx);
    });
    await expect(service.runOnce(shutdown.signal)).rejects.toThrow();
    expect(collector.collect).toHaveBeenCalledWith(NOW, shutdown.signal);
    expect(scored).toEqual(['a1']);
    expect(snapshots.recordFindings).not.toHaveBeenCalled();
    expect(snapshots.upsertSystemSnapshot).not.toHaveBeenCalled();
  });

  it('remembers the findings a probe saw (one per rule; reliability and missing evidence left out)', async () => {
    await service.runOnce();
    const recorded = new Map(snapshots.recordFindings.mock.calls.map(([id, seen]) => [id, seen.map((f) => f.rule)]));
    expect(recorded).toEqual(new Map([[1, ['tls.protocol.tls10']], [2, []], [3, ['eol.php']]]));
    expect(snapshots.fixedSince).toHaveBeenCalledWith([1, 2, 3], new Date(NOW - 60 * DAY));
    expect(snapshots.forgetFixedBefore).toHaveBeenCalledWith(new Date(NOW - 60 * DAY));
  });

  it('passes the recently fixed findings to the scorer, so a fix fades in rather than jumping', async () => {
    present.b1 = [];
    fixedStore.set(3, [{ finding: finding('eol.php', 25, 'obsolescence'), fixedAt: NOW - 10 * DAY }]);
    const run = await service.runOnce();
    // Recorded as present from the evidence alone (no fixed ones), then scored with them.
    expect(snapshots.recordFindings.mock.calls.find(([id]) => id === 3)?.[1]).toEqual([]);
    expect(jest.mocked(scoreSystem).mock.calls.filter(([e, ctx]) => e.system === 'b1' && (ctx.fixed ?? []).length === 1)).toHaveLength(1);
    expect(run.systems.find((s) => s.system === 'b1')?.score).toBe(87.5);
  });

  it('publishes score.updated only when an agency score or grade changes (to one decimal)', async () => {
    await service.runOnce();
    publisher.scoreUpdated.mockClear();
    const second = await service.runOnce();
    expect(second.changed).toEqual([]);
    expect(publisher.scoreUpdated).not.toHaveBeenCalled();

    present.a2 = [finding('http.hsts.missing', 3, 'http')];
    const third = await service.runOnce();
    expect(third.changed).toEqual([{ agency: 'aa', score: 87.3, grade: 'B' }]);
    expect(publisher.scoreUpdated).toHaveBeenCalledTimes(1);
  });

  it('after a restart compares with the latest stored scores instead of publishing everything again', async () => {
    snapshots.latestAgencies.mockResolvedValue([
      { agencyId: 10, agency: 'aa', name: { kk: '', ru: '', en: '' }, day: '2026-03-10', score: 87.5, grade: 'B', weightedMean: 92, worst: null, computedAt: '' },
      { agencyId: 20, agency: 'bb', name: { kk: '', ru: '', en: '' }, day: '2026-03-10', score: 60, grade: 'F', weightedMean: 60, worst: null, computedAt: '' },
    ]);
    const run = await service.runOnce();
    expect(run.changed).toEqual([{ agency: 'bb', score: 75, grade: 'F' }]);
  });

  it('leaves out a system whose evidence the scorer refuses, and scores the others', async () => {
    const real = jest.mocked(scoreSystem).getMockImplementation()!;
    jest.mocked(scoreSystem).mockImplementation((e, ctx) => {
      if (e.system === 'a2') throw new Error('reliability.availability: must be a fraction between 0 and 1, got 2');
      return real(e, ctx);
    });
    const run = await service.runOnce();
    expect(run.systems.map((s) => s.system)).toEqual(['a1', 'b1']);
    expect(snapshots.recordFindings.mock.calls.map(([id]) => id)).toEqual([1, 3]);
    expect(run.agencies.map((a) => [a.agency, a.score])).toEqual([['aa', 84], ['bb', 75]]);
  });

  it('works without a publisher (no realtime module): scores are still stored', async () => {
    const quiet = new ScoringService(
      collector as unknown as EvidenceCollector,
      snapshots as unknown as ScoreSnapshotsRepository,
      { now: () => NOW } as ScoringClock,
    );
    const run = await quiet.runOnce();
    expect(run.changed).toHaveLength(2);
    expect(snapshots.upsertAgencySnapshot).toHaveBeenCalledTimes(2);
  });
});
