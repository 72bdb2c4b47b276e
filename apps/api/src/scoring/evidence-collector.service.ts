import { Injectable } from '@nestjs/common';
import { EventLoopSlicer } from '../event-loop/event-loop-slicer';
import type { SystemEvidence } from '@kuzet/scoring';
import { sloFraction } from '../uptime/slo.service';
import { UptimeService } from '../uptime/uptime.service';
import { probeEvidence } from './probe-evidence';
import { RELIABILITY_WINDOW_DAYS, reliabilityEvidence } from './reliability-evidence';
import { ScoredSystem, ScoringEvidenceRepository } from './scoring-evidence.repository';

const DAY_MS = 86_400_000;
/**
 * Systems whose evidence is read per round of queries. Why: the latest run details of every check
 * (20,000 JSON documents at 2,000 systems) read as one result set were tens of MB of short-lived
 * objects at once, and the main thread's full collections came with them (decision 0010).
 */
export const EVIDENCE_CHUNK_SYSTEMS = 200;

export interface CollectedEvidence {
  system: ScoredSystem;
  evidence: SystemEvidence;
}

/** Builds the scorer's input for every enabled system: probe facts and 28-day reliability. */
@Injectable()
export class EvidenceCollector {
  constructor(
    private readonly repo: ScoringEvidenceRepository,
    private readonly uptime: UptimeService,
  ) {}

  /** `signal` ends the collection between two systems (shutdown). */
  async collect(now: number, signal?: AbortSignal): Promise<CollectedEvidence[]> {
    const systems = await this.repo.enabledSystems();
    const range = { from: now - RELIABILITY_WINDOW_DAYS * DAY_MS, to: now };
    // ~1 ms a system: 2,000 systems would hold the event loop for seconds in one go. Background
    // work: it rests between slices, leaving the CPU to probing and ingest.
    const slicer = EventLoopSlicer.background();
    const collected: CollectedEvidence[] = [];
    for (let at = 0; at < systems.length; at += EVIDENCE_CHUNK_SYSTEMS) {
      signal?.throwIfAborted();
      const chunk = systems.slice(at, at + EVIDENCE_CHUNK_SYSTEMS);
      const ids = chunk.map((s) => s.id);
      const [runs, incidents, uptime] = await Promise.all([
        // Facts older than the window describe a server that may be long gone.
        this.repo.latestRuns(ids, new Date(range.from)),
        this.repo.rootIncidents(ids, new Date(range.from), new Date(range.to)),
        this.uptime.totals(ids, range.from, range.to, now),
      ]);
      for (const system of chunk) {
        await slicer.next();
        signal?.throwIfAborted();
        collected.push({
          system,
          evidence: {
            system: system.code,
            agency: system.agency,
            tier: system.tier,
            ...probeEvidence(runs.get(system.id) ?? []),
            reliability: reliabilityEvidence(uptime.get(system.id), incidents.get(system.id) ?? [], range, sloFraction(system.sloTarget)),
          },
        });
      }
    }
    return collected;
  }
}
