import { Injectable } from '@nestjs/common';
import type {
  PublicIncidentPage,
  PublicIncidentView,
  PublicStatusSummary,
  PublicSystem,
  PublicUptime,
  PublicUptimeList,
} from '@kuzet/contracts';

/**
 * What the server-rendered public pages read, in the public API's shapes (the status module's
 * snapshot, read in-process rather than over HTTP). null: not available; the page then renders
 * "loading" and the browser fills it in from /api/public/v1.
 */
export interface PublicPageData {
  getSummary(): Promise<PublicStatusSummary | null>;
  getSystem(code: string): Promise<PublicSystem | null>;
  getUptime(code: string, days: number): Promise<PublicUptime | null>;
  getUptimes(days: number): Promise<PublicUptimeList | null>;
  getIncident(id: number): Promise<PublicIncidentView | null>;
  getIncidents(cursor: string | null): Promise<PublicIncidentPage | null>;
  /**
   * Changes whenever anything a page shows may have changed (the snapshot's ETag, the uptime
   * list's age): rendered pages are kept until it does. Absent: pages are rendered every time.
   */
  version?(): Promise<string>;
}

/** Nest token of the PublicPageData the public status module provides. */
export const PUBLIC_PAGE_DATA = Symbol('PUBLIC_PAGE_DATA');

/** Until a status module provides the data: every page renders its skeleton. */
@Injectable()
export class NullPublicPageData implements PublicPageData {
  getSummary = async () => null;
  getSystem = async () => null;
  getUptime = async () => null;
  getUptimes = async () => null;
  getIncident = async () => null;
  getIncidents = async () => null;
}
