import { createHash } from 'node:crypto';
import { Injectable, Logger, OnModuleDestroy, OnModuleInit, Optional, ServiceUnavailableException } from '@nestjs/common';
import { publicOverall, type PublicStatusSummary, type PublicSystem } from '@kuzet/contracts';
import { merge, type Subscription } from 'rxjs';
import { CatalogEvents } from '../catalog/catalog-events.service';
import { SystemStatusEvents } from '../detection/system-status-events.service';
import { IncidentEvents } from '../incidents/incident-events.service';
import { publicMaintenance } from './public-maintenance';
import { toPublicIncidentView, toPublicSystem } from './public-projections';
import { PublicStatusRepository } from './public-status.repository';
import { StatusClock } from './status-clock';
import { CompressedBody } from '../http/compressed-body';

/**
 * Even without an event the snapshot is rebuilt after this long: maintenance windows start and end
 * by the clock, and another API node's changes arrive here as no event.
 */
export const SNAPSHOT_MAX_AGE_MS = 15_000;

/** The summary as served: the serialized body, its ETag, and the systems by code. */
export interface PublicSnapshot {
  summary: PublicStatusSummary;
  body: string;
  /** The body's brotli and gzip copies, each made once per snapshot when first asked for. */
  compressed: CompressedBody;
  etag: string;
  systems: ReadonlyMap<string, PublicSystem>;
  builtAt: number;
}

export function etagOf(body: string): string {
  return `W/"${createHash('sha1').update(body).digest('base64url')}"`;
}

/**
 * The public status summary, computed once per change (incident, system status, catalog) and
 * served from memory: the first request after a change rebuilds it, once, however many come.
 */
@Injectable()
export class PublicSnapshotService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(PublicSnapshotService.name);
  private current: PublicSnapshot | undefined;
  private building: Promise<PublicSnapshot> | undefined;
  /** Bumped by every change; a build started before a change does not count as current. */
  private version = 0;
  private builtVersion = -1;
  private subscription: Subscription | undefined;

  constructor(
    private readonly repo: PublicStatusRepository,
    private readonly clock: StatusClock,
    private readonly incidents: IncidentEvents,
    @Optional() private readonly statuses?: SystemStatusEvents,
    @Optional() private readonly catalog?: CatalogEvents,
  ) {}

  onModuleInit(): void {
    const sources = [this.incidents.changes$, this.statuses?.changes$, this.catalog?.changes$].filter(
      (s) => s !== undefined,
    );
    this.subscription = merge(...sources).subscribe(() => this.invalidate());
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  invalidate(): void {
    this.version++;
  }

  async snapshot(): Promise<PublicSnapshot> {
    const c = this.current;
    if (c && this.builtVersion === this.version && this.clock.now() - c.builtAt < SNAPSHOT_MAX_AGE_MS) return c;
    // While a build is in flight, later requests get the snapshot it replaces (stale by the build
    // time at most) rather than queueing behind it: under a surge during an incident storm the
    // latency stays that of a memory read. The request that started the build waits for it.
    if (this.building) return c ?? this.building;
    const version = this.version;
    this.building = this.build()
      .then((s) => {
        this.current = s;
        this.builtVersion = version;
        return s;
      })
      .catch((error: unknown) => {
        this.logger.error({ msg: 'public snapshot not built', err: String(error) });
        if (this.current) return this.current;
        throw new ServiceUnavailableException('status not available yet: the database does not answer');
      })
      .finally(() => {
        this.building = undefined;
        // A change came during the build, and its readers were given the previous snapshot:
        // rebuild now rather than on the next request, so a page's settle refetch reads it.
        if (this.version !== version) void this.snapshot().catch(() => undefined);
      });
    return this.building;
  }

  private async build(): Promise<PublicSnapshot> {
    const now = this.clock.now();
    const [systemRows, agencies, categories, windows, active] = await Promise.all([
      this.repo.systems(),
      this.repo.agencies(),
      this.repo.categories(),
      this.repo.windows(),
      this.repo.activeIncidents(),
    ]);
    const updates = await this.repo.updates(active.map((i) => i.id));
    const systems = systemRows.map(toPublicSystem);
    const summary: PublicStatusSummary = {
      generated_at: new Date(now).toISOString(),
      // Not the worst of the known statuses alone: a few operational systems among many without
      // data are not "all systems work" (publicOverall says what `overall` means).
      ...publicOverall(systems.map((s) => s.status)),
      agencies: agencies.map((a) => ({ code: a.code, name: a.name })),
      categories: categories.map((c) => ({ code: c.code, name: c.name })),
      systems,
      active_incidents: active.map((i) => toPublicIncidentView(i, updates.get(i.id) ?? [])),
      maintenance: publicMaintenance(windows, now),
    };
    // The ETag covers the content, not the build time: an unchanged rebuild keeps clients' 304s.
    const etag = etagOf(JSON.stringify({ ...summary, generated_at: undefined }));
    const body = JSON.stringify(summary);
    return {
      summary,
      body,
      compressed: new CompressedBody(body),
      etag,
      systems: new Map(systems.map((s) => [s.code, s])),
      builtAt: now,
    };
  }
}
