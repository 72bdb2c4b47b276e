import { Injectable } from '@nestjs/common';
import type { SystemTier } from '@kuzet/contracts';
import { DataSource } from 'typeorm';
import type { SystemGraph, SystemRef } from './incident-record';

interface SystemGraphRow {
  id: number;
  code: string;
  agency_id: number;
  agency_code: string;
  tier: SystemTier;
  name_kk: string;
  name_ru: string;
  name_en: string;
  depends_on: number[];
}

/** An in-memory dependency graph over SystemRefs. */
export class InMemorySystemGraph implements SystemGraph {
  private readonly byId = new Map<number, SystemRef>();
  private readonly children = new Map<number, number[]>();

  constructor(systems: readonly SystemRef[]) {
    for (const s of systems) this.byId.set(s.id, s);
    for (const s of systems)
      for (const parent of s.dependsOn)
        this.children.set(parent, [...(this.children.get(parent) ?? []), s.id]);
  }

  system(id: number): SystemRef | undefined {
    return this.byId.get(id);
  }

  dependentsOf(id: number): number[] {
    return this.children.get(id) ?? [];
  }

  all(): SystemRef[] {
    return [...this.byId.values()];
  }
}

/** Reads the systems and their dependencies from the catalog tables. */
@Injectable()
export class SystemGraphRepository {
  constructor(private readonly dataSource: DataSource) {}

  async load(): Promise<InMemorySystemGraph> {
    const rows: SystemGraphRow[] = await this.dataSource.query(
      `SELECT s.id, s.code, s.agency_id, a.code AS agency_code, s.tier, s.name_kk, s.name_ru, s.name_en,
              COALESCE((SELECT array_agg(sd.depends_on_id ORDER BY sd.depends_on_id) FROM system_dependencies sd
                         WHERE sd.system_id = s.id), '{}') AS depends_on
         FROM systems s JOIN agencies a ON a.id = s.agency_id`,
    );
    return new InMemorySystemGraph(
      rows.map((r) => ({
        id: Number(r.id),
        code: r.code,
        agencyId: Number(r.agency_id),
        agencyCode: r.agency_code,
        tier: r.tier,
        names: { kk: r.name_kk, ru: r.name_ru, en: r.name_en },
        dependsOn: r.depends_on.map(Number),
      })),
    );
  }
}
