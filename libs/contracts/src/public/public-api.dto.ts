import type { LocalizedText } from '../catalog/localized-text.schema';
import type { PublicStatus } from '../catalog/catalog-enums';

// The public API (/api/public/v1) as citizens, feeds and the public pages read it. Public fields
// only: no target, address, port, error text, note, severity, user name or non-public system.

export type PublicLanguage = 'kk' | 'ru' | 'en';
export const PUBLIC_LANGUAGES: readonly PublicLanguage[] = ['kk', 'ru', 'en'];

export interface PublicAgency {
  code: string;
  name: LocalizedText;
}

/** A category of life situations (documents, taxes, health, …): the catalog's system category. */
export interface PublicCategory {
  code: string;
  name: LocalizedText;
}

export interface PublicSystem {
  code: string;
  name: LocalizedText;
  agency: string;
  category: string | null;
  /** null: no data yet. */
  status: PublicStatus | null;
  /** ISO time of the last status change. */
  status_since: string | null;
}

/** A public update written by a duty officer, in the three languages. */
export interface PublicUpdate {
  at: string;
  public_state: 'investigating' | 'identified' | 'monitoring' | 'resolved';
  text: LocalizedText;
}

export interface PublicIncidentView {
  id: number;
  system: string;
  agency: string;
  title: LocalizedText;
  /** The public status the incident stands for (major_outage, partial_outage, …). */
  status: PublicStatus;
  public_state: PublicUpdate['public_state'];
  started_at: string;
  resolved_at: string | null;
  updates: PublicUpdate[];
}

export interface PublicMaintenance {
  code: string;
  title: LocalizedText;
  systems: string[];
  starts_at: string;
  ends_at: string;
}

/** GET /api/public/v1/status: everything the front page needs, computed once per change. */
export interface PublicStatusSummary {
  generated_at: string;
  /**
   * All public systems together (publicOverall, public-overall.ts): the worst of degraded /
   * partial / major outage among the systems with a status, even when others have no data; else
   * under_maintenance when a system is under maintenance; operational only when every public system
   * has a status and it is operational; else null (no data yet for some or all systems, none of
   * the rest worse than operational: `systems_without_data` tells how many).
   */
  overall: PublicStatus | null;
  /** How many of `systems` have no status yet (status null); 0 when every one has a status. */
  systems_without_data: number;
  agencies: PublicAgency[];
  categories: PublicCategory[];
  systems: PublicSystem[];
  active_incidents: PublicIncidentView[];
  maintenance: PublicMaintenance[];
}

/** One day of a system's uptime bar (Asia/Almaty days). */
export interface PublicUptimeDay {
  /** YYYY-MM-DD, Almaty. */
  date: string;
  /** 0..1 of the monitored time; null: not monitored that day. */
  uptime: number | null;
  /** Seconds of major outage, partial outage and degraded performance that day. */
  major_s: number;
  partial_s: number;
  degraded_s: number;
}

/** GET /api/public/v1/systems/{code}/uptime?days=90 */
export interface PublicUptime {
  system: string;
  days: PublicUptimeDay[];
  /** Over the whole range; null when never monitored. */
  uptime: number | null;
}

/** GET /api/public/v1/uptime?days=90: every public system's bars in one answer (the home page). */
export interface PublicUptimeList {
  days: number;
  systems: PublicUptime[];
}

/** GET /api/public/v1/incidents?cursor=&limit=: newest first, keyset paged. */
export interface PublicIncidentPage {
  items: PublicIncidentView[];
  next_cursor: string | null;
}
