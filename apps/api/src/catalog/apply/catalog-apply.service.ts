import { Injectable, Logger } from '@nestjs/common';
import type { ApplyCounts, CatalogApplyResult, CatalogApplySummary } from '@kuzet/contracts';
import { DataSource, EntityManager, EntityTarget, In, ObjectLiteral } from 'typeorm';
import { CatalogEvents } from '../catalog-events.service';
import { AgencyEntity } from '../entities/agency.entity';
import { CatalogRevisionEntity } from '../entities/catalog-revision.entity';
import { CategoryEntity } from '../entities/category.entity';
import { CheckEntity } from '../entities/check.entity';
import { MaintenanceWindowSystemEntity } from '../entities/maintenance-window-system.entity';
import { MaintenanceWindowEntity } from '../entities/maintenance-window.entity';
import { SystemDependencyEntity } from '../entities/system-dependency.entity';
import { SystemEntity } from '../entities/system.entity';
import { ApplyMode, CatalogChangeSet } from './catalog-change-set';
import {
  agencyColumns,
  categoryColumns,
  checkColumns,
  maintenanceColumns,
  sameIdSet,
  systemColumns,
} from './desired-rows';
import { PushTokenGenerator } from './push-token.generator';
import { hasChanges, planRows, RowPlan, StoredRow } from './row-plan';

/** Serializes appliers across API nodes (any constant; this one spells "KZT-CAT"). */
const CATALOG_LOCK_KEY = 7_317_001;
const INSERT_CHUNK = 500;

/**
 * Writes a validated catalog (or a REST write's items) in one transaction: adds, updates changed
 * columns, disables what a folder no longer has, re-enables what reappears; never deletes a row.
 * A revision is recorded and an event published only when something changed.
 */
@Injectable()
export class CatalogApplyService {
  private readonly logger = new Logger(CatalogApplyService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: PushTokenGenerator,
    private readonly events: CatalogEvents,
  ) {}

  async apply(changes: CatalogChangeSet, mode: ApplyMode): Promise<CatalogApplyResult> {
    const result = await this.dataSource.transaction((em) => this.applyIn(em, changes, mode));
    if (result.changed && result.revision_id !== null) {
      this.logger.log({
        event: 'catalog.applied',
        source: mode.source,
        revision: result.revision_id,
        summary: result.summary,
      });
      this.events.emit({
        source: mode.source,
        revisionId: result.revision_id,
        contentHash: result.content_hash,
        summary: result.summary,
      });
    }
    return result;
  }

  private async applyIn(
    em: EntityManager,
    changes: CatalogChangeSet,
    mode: ApplyMode,
  ): Promise<CatalogApplyResult> {
    await em.query('SELECT pg_advisory_xact_lock($1)', [CATALOG_LOCK_KEY]);
    const common = { scope: mode.scope, source: mode.source } as const;
    const disable = (list?: string[]) => new Set(list ?? []);

    // Categories and agencies first: systems refer to them by id.
    const categories = await em.find(CategoryEntity);
    const categoryPlan = planRows({
      ...common,
      existing: categories,
      keyOf: (r) => r.code,
      desired: (changes.categories ?? []).map((c) => ({ key: c.code, columns: categoryColumns(c) })),
      disable: disable(mode.disable?.categories),
    });
    const categoryIds = await this.write(em, CategoryEntity, categories, (r) => r.code, categoryPlan);

    const agencies = await em.find(AgencyEntity);
    const agencyPlan = planRows({
      ...common,
      existing: agencies,
      keyOf: (r) => r.code,
      desired: (changes.agencies ?? []).map((a) => ({ key: a.code, columns: agencyColumns(a) })),
      disable: disable(mode.disable?.agencies),
    });
    const agencyIds = await this.write(em, AgencyEntity, agencies, (r) => r.code, agencyPlan);

    const systems = await em.find(SystemEntity);
    const desiredSystems = changes.systems ?? [];
    const systemPlan = planRows({
      ...common,
      existing: systems,
      keyOf: (r) => r.code,
      desired: desiredSystems.map((s) => ({
        key: s.code,
        columns: systemColumns(s, agencyIds, categoryIds),
      })),
      disable: disable(mode.disable?.systems),
    });
    const systemIds = await this.write(em, SystemEntity, systems, (r) => r.code, systemPlan);

    // Dependency links of the systems given; a changed set makes an otherwise unchanged system updated.
    const deps = await em.find(SystemDependencyEntity);
    for (const s of desiredSystems) {
      const id = systemIds.get(s.code)!;
      const stored = deps.filter((d) => d.systemId === id).map((d) => d.dependsOnId);
      const wanted = s.dependsOn.map((code) => systemIds.get(code)!);
      if (sameIdSet(stored, wanted)) continue;
      await em.delete(SystemDependencyEntity, { systemId: id });
      if (wanted.length)
        await em.insert(
          SystemDependencyEntity,
          wanted.map((dependsOnId) => ({ systemId: id, dependsOnId })),
        );
      await this.promoteToUpdated(em, SystemEntity, systemPlan, s.code, id);
    }

    const checks = await em.find(CheckEntity);
    const checkPlan = planRows({
      ...common,
      existing: checks,
      keyOf: (r) => r.key,
      desired: (changes.checks ?? []).map((c) => ({ key: c.key, columns: checkColumns(c, systemIds) })),
      disable: disable(mode.disable?.checks),
    });
    this.assignPushTokens(checkPlan, checks);
    await this.write(em, CheckEntity, checks, (r) => r.key, checkPlan);

    const windows = await em.find(MaintenanceWindowEntity);
    const desiredWindows = changes.maintenance ?? [];
    const windowPlan = planRows({
      ...common,
      existing: windows,
      keyOf: (r) => r.code,
      desired: desiredWindows.map((m) => ({ key: m.code, columns: maintenanceColumns(m) })),
      disable: disable(mode.disable?.maintenance),
    });
    const windowIds = await this.write(em, MaintenanceWindowEntity, windows, (r) => r.code, windowPlan);
    const windowLinks = await em.find(MaintenanceWindowSystemEntity);
    for (const m of desiredWindows) {
      const id = windowIds.get(m.code)!;
      const stored = windowLinks.filter((l) => l.windowId === id).map((l) => l.systemId);
      const wanted = m.systems.map((code) => systemIds.get(code)!);
      if (sameIdSet(stored, wanted)) continue;
      await em.delete(MaintenanceWindowSystemEntity, { windowId: id });
      if (wanted.length)
        await em.insert(
          MaintenanceWindowSystemEntity,
          wanted.map((systemId) => ({ windowId: id, systemId })),
        );
      await this.promoteToUpdated(em, MaintenanceWindowEntity, windowPlan, m.code, id);
    }

    const summary: CatalogApplySummary = {
      categories: categoryPlan.counts,
      agencies: agencyPlan.counts,
      systems: systemPlan.counts,
      checks: checkPlan.counts,
      maintenance: windowPlan.counts,
    };
    const changed = Object.values(summary).some((c: ApplyCounts) => hasChanges(c));
    let revisionId: number | null = null;
    if (changed) {
      const inserted = await em.insert(CatalogRevisionEntity, {
        source: mode.source,
        contentHash: mode.contentHash,
        summary,
      });
      revisionId = inserted.identifiers[0].id as number;
    }
    return { changed, revision_id: revisionId, content_hash: mode.contentHash, summary };
  }

  /** Heartbeat checks get a push token when they appear (or become heartbeat) and keep it. */
  private assignPushTokens(plan: RowPlan<ReturnType<typeof checkColumns>>, stored: CheckEntity[]): void {
    for (const insert of plan.inserts) {
      (insert.columns as Record<string, unknown>).pushToken =
        insert.columns.kind === 'heartbeat' ? this.tokens.next() : null;
    }
    const byId = new Map(stored.map((c) => [c.id, c]));
    for (const update of plan.updates) {
      if (update.changes.kind === undefined) continue;
      const row = byId.get(update.id)!;
      (update.changes as Record<string, unknown>).pushToken =
        update.changes.kind === 'heartbeat' ? (row.pushToken ?? this.tokens.next()) : null;
    }
  }

  /** Counts an unchanged row as updated (its links changed) and touches updated_at. */
  private async promoteToUpdated<E extends ObjectLiteral>(
    em: EntityManager,
    entity: EntityTarget<E>,
    plan: RowPlan<object>,
    key: string,
    id: number,
  ): Promise<void> {
    if (plan.inserts.some((i) => i.key === key) || plan.updates.some((u) => u.key === key)) return;
    plan.counts.unchanged--;
    plan.counts.updated++;
    plan.updates.push({ id, key, changes: {} });
    await em.update(entity, { id }, { updatedAt: () => 'now()' } as never);
  }

  /** Performs a plan; returns code/key -> id for every row (stored and inserted). */
  private async write<E extends StoredRow & ObjectLiteral, C extends object>(
    em: EntityManager,
    entity: EntityTarget<E>,
    stored: E[],
    keyOf: (row: E) => string,
    plan: RowPlan<C>,
  ): Promise<Map<string, number>> {
    const ids = new Map(stored.map((r) => [keyOf(r), r.id] as const));
    for (let i = 0; i < plan.inserts.length; i += INSERT_CHUNK) {
      const chunk = plan.inserts.slice(i, i + INSERT_CHUNK);
      const result = await em.insert(entity, chunk.map((c) => c.columns) as never);
      chunk.forEach((c, j) => ids.set(c.key, result.identifiers[j].id as number));
    }
    for (const u of plan.updates) {
      if (Object.keys(u.changes).length) await em.update(entity, { id: u.id }, u.changes as never);
    }
    if (plan.disables.length) {
      await em.update(entity, { id: In(plan.disables.map((d) => d.id)) }, { enabled: false } as never);
    }
    return ids;
  }
}
