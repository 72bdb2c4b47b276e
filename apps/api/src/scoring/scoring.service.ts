import { Injectable, Logger, Optional } from '@nestjs/common';
import type { ScoreUpdate } from '@kuzet/contracts';
import { FADE_DAYS, scoreAgency, scoreSystem } from '@kuzet/scoring';
import type { AgencyScore, Finding, SystemScore } from '@kuzet/scoring';
import { EventLoopSlicer } from '../event-loop/event-loop-slicer';
import { RealtimePublisher } from '../realtime/realtime-publisher.service';
import { EvidenceCollector } from './evidence-collector.service';
import type { CollectedEvidence } from './evidence-collector.service';
import { findingsToRemember } from './finding-history';
import { ScoreSnapshotsRepository } from './score-snapshots.repository';
import { scoreDay } from './score-day';
import { ScoringClock } from './scoring-clock';

const DAY_MS = 86_400_000;

export interface ScoringRun {
  day: string;
  systems: SystemScore[];
  agencies: AgencyScore[];
  /** The agencies whose score or grade changed since the last one published (score.updated sent). */
  changed: ScoreUpdate[];
}

/** Scores are compared and published to one decimal: a change below that is noise. */
const rounded = (score: number) => Math.round(score * 10) / 10;

/**
 * One scoring run: every enabled system from its evidence (@kuzet/scoring scoreSystem), with the
 * findings fixed in the last 60 days fading out; every agency from its systems (scoreAgency); the
 * day's snapshots; score.updated for each agency whose score or grade changed.
 */
@Injectable()
export class ScoringService {
  private readonly logger = new Logger(ScoringService.name);
  /** What was last published per agency; read from the latest snapshots on the first run. */
  private published: Map<string, ScoreUpdate> | undefined;

  constructor(
    private readonly collector: EvidenceCollector,
    private readonly snapshots: ScoreSnapshotsRepository,
    private readonly clock: ScoringClock,
    @Optional() private readonly publisher?: RealtimePublisher,
  ) {}

  /**
   * One run over every system. `signal` ends it between systems (shutdown): the snapshots written
   * so far stay (each is a day's upsert, the next run writes them again), nothing is published.
   */
  async runOnce(signal?: AbortSignal): Promise<ScoringRun> {
    const now = this.clock.now();
    const at = new Date(now);
    const day = scoreDay(now);
    const published = this.published ?? (await this.lastPublished());
    const collected = await this.scorable(await this.collector.collect(now, signal), now, signal);
    // Nobody waits for a score: every loop rests between slices (EventLoopSlicer.background).
    const slicer = EventLoopSlicer.background();

    // What is present now decides what counts as fixed; then the fixed ones fade into the score.
    for (const { system, present } of collected) {
      await slicer.next();
      signal?.throwIfAborted();
      await this.snapshots.recordFindings(system.id, findingsToRemember(present), at);
    }
    const fadeSince = new Date(now - FADE_DAYS * DAY_MS);
    const fixed = await this.snapshots.fixedSince(
      collected.map((c) => c.system.id),
      fadeSince,
    );
    await this.snapshots.forgetFixedBefore(fadeSince);

    const systems: SystemScore[] = [];
    const byAgency = new Map<string, { agencyId: number; scores: SystemScore[] }>();
    for (const { system, evidence } of collected) {
      await slicer.next();
      signal?.throwIfAborted();
      const score = scoreSystem(evidence, { now, fixed: fixed.get(system.id) ?? [] });
      systems.push(score);
      await this.snapshots.upsertSystemSnapshot(day, { systemId: system.id, agencyId: system.agencyId }, score, evidence, at);
      const group = byAgency.get(system.agency) ?? { agencyId: system.agencyId, scores: [] };
      group.scores.push(score);
      byAgency.set(system.agency, group);
    }

    const agencies: AgencyScore[] = [];
    const changed: ScoreUpdate[] = [];
    for (const [code, { agencyId, scores }] of byAgency) {
      signal?.throwIfAborted();
      const agency = scoreAgency(code, scores);
      agencies.push(agency);
      await this.snapshots.upsertAgencySnapshot(day, agencyId, agency, at);
      const update: ScoreUpdate = { agency: code, score: rounded(agency.score), grade: agency.grade };
      const before = published.get(code);
      if (!before || before.score !== update.score || before.grade !== update.grade) {
        changed.push(update);
        published.set(code, update);
        this.publisher?.scoreUpdated(update);
      }
    }
    this.published = published;
    this.logger.log({ msg: 'scores computed', day, systems: systems.length, agencies: agencies.length, changed: changed.length });
    return { day, systems, agencies, changed };
  }

  /**
   * Each system with the findings its evidence shows now. A system whose evidence the scorer
   * refuses is left out of this run (its last snapshot stays), with one log line naming it:
   * one bad record must not stop every agency's score.
   */
  private async scorable(collected: readonly CollectedEvidence[], now: number, signal?: AbortSignal): Promise<(CollectedEvidence & { present: Finding[] })[]> {
    const out: (CollectedEvidence & { present: Finding[] })[] = [];
    const slicer = EventLoopSlicer.background();
    for (const c of collected) {
      await slicer.next();
      signal?.throwIfAborted();
      try {
        out.push({ ...c, present: scoreSystem(c.evidence, { now }).findings });
      } catch (err) {
        this.logger.warn({ msg: 'system not scored: evidence refused', system: c.system.code, err: err instanceof Error ? err.message : String(err) });
      }
    }
    return out;
  }

  private async lastPublished(): Promise<Map<string, ScoreUpdate>> {
    const rows = await this.snapshots.latestAgencies(null);
    return new Map(rows.map((r) => [r.agency, { agency: r.agency, score: rounded(r.score), grade: r.grade }]));
  }
}
