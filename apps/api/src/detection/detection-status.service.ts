import { Injectable } from '@nestjs/common';
import type { PublicStatus, SystemTier } from '@kuzet/contracts';
import { rollupAgencyStatus } from '@kuzet/detection';
import { DetectionRepository, SystemStatusRow } from './detection.repository';

export interface AgencyStatusView {
  agency: string;
  status: PublicStatus | null;
  systems: number;
}

/** Current statuses: systems as the detector last computed them, agencies rolled up from those. */
@Injectable()
export class DetectionStatusService {
  constructor(private readonly repo: DetectionRepository) {}

  systems(agency?: string): Promise<SystemStatusRow[]> {
    return this.repo.systemStatuses(agency);
  }

  async agencies(): Promise<AgencyStatusView[]> {
    const byAgency = new Map<string, { status: PublicStatus | null; tier: SystemTier }[]>();
    for (const s of await this.repo.systemStatuses())
      byAgency.set(s.agency, [...(byAgency.get(s.agency) ?? []), { status: s.status, tier: s.tier }]);
    return [...byAgency].map(([agency, systems]) => ({
      agency,
      status: rollupAgencyStatus(systems),
      systems: systems.length,
    }));
  }
}
