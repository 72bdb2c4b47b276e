import { Injectable, Logger, OnModuleDestroy, OnModuleInit, Optional } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { CatalogEvents } from '../catalog/catalog-events.service';
import {
  RealtimeCatalogRepository,
  RealtimeCatalogRows,
  RealtimeSystem,
} from './realtime-catalog.repository';

/** A check-id miss reloads at most this often (results of unknown checks must not hammer the database). */
const MISS_RELOAD_MS = 1000;

/**
 * An in-memory copy of the catalog facts the streams need, reloaded when the catalog changes and
 * on a miss (a system or check created since the last load).
 */
@Injectable()
export class RealtimeCatalog implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RealtimeCatalog.name);
  private systemsById = new Map<number, RealtimeSystem>();
  private systemsByCode = new Map<string, RealtimeSystem>();
  private checks = new Map<number, number>();
  private loading: Promise<void> | undefined;
  private loadedAt = 0;
  private subscription: Subscription | undefined;

  constructor(
    private readonly repo: RealtimeCatalogRepository,
    @Optional() private readonly catalogEvents?: CatalogEvents,
  ) {}

  onModuleInit(): void {
    this.subscription = this.catalogEvents?.changes$.subscribe(
      () => void this.reload().catch(() => undefined),
    );
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /** The system by id; reloads on a miss (incidents and status changes are rare: never throttled). */
  async system(id: number): Promise<RealtimeSystem | undefined> {
    if (!this.systemsById.has(id)) await this.freshLoad();
    return this.systemsById.get(id);
  }

  async systemByCode(code: string): Promise<RealtimeSystem | undefined> {
    if (!this.systemsByCode.has(code)) await this.freshLoad();
    return this.systemsByCode.get(code);
  }

  /** Makes sure these checks' owners are known (one reload at most), then answers synchronously. */
  async resolveChecks(checkIds: readonly number[]): Promise<(checkId: number) => RealtimeSystem | undefined> {
    if (checkIds.some((id) => !this.checks.has(id))) await this.reloadOnMiss();
    return (checkId) => {
      const systemId = this.checks.get(checkId);
      return systemId === undefined ? undefined : this.systemsById.get(systemId);
    };
  }

  /** Loads once if nothing was loaded yet. */
  async ensureLoaded(): Promise<void> {
    if (this.loadedAt === 0) await (this.loading ?? this.reload());
  }

  /** Whether a known system is on the public status page (unknown: no). */
  isPublic(code: string): boolean {
    return this.systemsByCode.get(code)?.isPublic ?? false;
  }

  reload(): Promise<void> {
    this.loading ??= this.repo
      .load()
      .then((rows) => this.apply(rows))
      .catch((error: unknown) => {
        this.logger.warn({ msg: 'realtime catalog not reloaded', err: String(error) });
      })
      .finally(() => {
        this.loadedAt = Date.now();
        this.loading = undefined;
      });
    return this.loading;
  }

  /** A load that started after this call (an in-flight one may predate what we look for). */
  private async freshLoad(): Promise<void> {
    await this.loading;
    await this.reload();
  }

  private reloadOnMiss(): Promise<void> {
    if (this.loading) return this.loading;
    return Date.now() - this.loadedAt < MISS_RELOAD_MS ? Promise.resolve() : this.reload();
  }

  private apply(rows: RealtimeCatalogRows): void {
    this.systemsById = new Map(rows.systems.map((s) => [s.id, s]));
    this.systemsByCode = new Map(rows.systems.map((s) => [s.code, s]));
    this.checks = rows.checks;
  }
}
