import { Injectable, NotFoundException } from '@nestjs/common';
import type { PublicIncidentPage, PublicIncidentView, PublicStatusSummary, PublicSystem, PublicUptime, PublicUptimeList } from '@kuzet/contracts';
import type { PublicPageData } from '../web/public-page-data';
import { PublicReadService } from './public-read.service';
import { PublicSnapshotService } from './public-snapshot.service';

const INCIDENTS_PAGE = 20;

/** The server-rendered public pages read the same snapshot and reads as /api/public/v1, in-process. */
@Injectable()
export class StatusPageData implements PublicPageData {
  constructor(
    private readonly snapshots: PublicSnapshotService,
    private readonly reads: PublicReadService,
  ) {}

  async getSummary(): Promise<PublicStatusSummary | null> {
    return (await this.snapshots.snapshot()).summary;
  }

  getSystem(code: string): Promise<PublicSystem | null> {
    return orNull(this.reads.system(code));
  }

  getUptime(code: string, days: number): Promise<PublicUptime | null> {
    return orNull(this.reads.uptime(code, days));
  }

  getUptimes(days: number): Promise<PublicUptimeList | null> {
    return this.reads.uptimeList(days);
  }

  async version(): Promise<string> {
    return `${(await this.snapshots.snapshot()).etag}/${this.reads.uptimeEpoch()}`;
  }

  getIncident(id: number): Promise<PublicIncidentView | null> {
    return orNull(this.reads.incident(id));
  }

  getIncidents(cursor: string | null): Promise<PublicIncidentPage | null> {
    return orNull(this.reads.incidents(INCIDENTS_PAGE, cursor ?? undefined, undefined));
  }
}

/** Not found is "no page data" (the page says so); anything else is an error. */
async function orNull<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (err) {
    if (err instanceof NotFoundException) return null;
    throw err;
  }
}
