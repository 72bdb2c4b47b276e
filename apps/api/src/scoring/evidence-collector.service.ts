import { Injectable } from '@nestjs/common';
import { EventLoopSlicer } from '../event-loop/event-loop-slicer';
import type { SystemEvidence } from '@kuzet/scoring';
import { sloFraction } from '../uptime/slo.service';
import { UptimeService } from '../uptime/uptime.service';
import { probeEvidence } from './probe-evidence';
import { RELIABILITY_WINDOW_DAYS, reliabilityEvidence } from './reliability-evidence';
import { ScoredSystem, ScoringEvidenceRepository } from './scoring-evidence.repository';

const DAY_MS = 86_400_000;

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

  async collect(now: number): Promise<CollectedEvidence[]> {
    const systems = await this.repo.enabledSystems();
    const ids = systems.map((s) => s.id);
    const range = { from: now - RELIABILITY_WINDOW_DAYS * DAY_MS, to: now };
    const [runs, incidents, uptime] = await Promise.all([
      // Facts older than the window describe a server that may be long gone.
      this.repo.latestRuns(ids, new Date(range.from)),
      this.repo.rootIncidents(ids, new Date(range.from), new Date(range.to)),
      this.uptime.totals(ids, range.from, range.to, now),
    ]);
    // ~1 ms a system: 2,000 systems would hold the event loop for seconds in one go.
    const slicer = new EventLoopSlicer();
    const collected: CollectedEvidence[] = [];
    for (const system of systems) {
      await slicer.next();
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
    return collected;
  }
}
