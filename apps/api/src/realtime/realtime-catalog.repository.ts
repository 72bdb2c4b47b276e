import { Injectable } from '@nestjs/common';
import type { SystemTier } from '@kuzet/contracts';
import { DataSource } from 'typeorm';

export interface RealtimeSystem {
  id: number;
  code: string;
  agency: string;
  tier: SystemTier;
  /** Shown on the public status page (and so on /public). */
  isPublic: boolean;
}

export interface RealtimeCatalogRows {
  systems: RealtimeSystem[];
  /** check id -> system id */
  checks: Map<number, number>;
}

/** The few catalog facts the real-time streams need: codes, public flag, check owners. */
@Injectable()
export class RealtimeCatalogRepository {
  constructor(private readonly dataSource: DataSource) {}

  async load(): Promise<RealtimeCatalogRows> {
    const systems: {
      id: number;
      code: string;
      agency: string;
      tier: SystemTier;
      is_public: boolean;
      enabled: boolean;
    }[] = await this.dataSource.query(
      `SELECT s.id, s.code, a.code AS agency, s.tier, s.is_public, s.enabled
           FROM systems s JOIN agencies a ON a.id = s.agency_id`,
    );
    const checks: { id: number; system_id: number }[] = await this.dataSource.query(
      'SELECT id, system_id FROM checks',
    );
    return {
      systems: systems.map((s) => ({
        id: Number(s.id),
        code: s.code,
        agency: s.agency,
        tier: s.tier,
        isPublic: s.is_public && s.enabled,
      })),
      checks: new Map(checks.map((c) => [Number(c.id), Number(c.system_id)])),
    };
  }
}
