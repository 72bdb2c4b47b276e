import type { AgencyView, CheckRoleName, CheckView, MaintenanceView, SystemView } from '@kuzet/contracts';
import {
  defaultCheckRole,
  notificationPolicySchema,
  redactCheckOptions,
  redactContactSecrets,
  utcToLocalDateTime,
} from '@kuzet/contracts';

// Database rows (as the repository's SQL returns them) -> REST views. Pure.

const iso = (d: Date | string) => new Date(d).toISOString();
const num = (v: string | number | null) => (v === null ? null : Number(v));

export interface AgencyRow {
  code: string;
  name_kk: string;
  name_ru: string;
  name_en: string;
  contacts: AgencyView['contacts'];
  /** '{}' for agencies stored before policies existed: the defaults apply. */
  notifications: unknown;
  enabled: boolean;
  source: AgencyView['source'];
  created_at: Date;
  updated_at: Date;
}

export function toAgencyView(r: AgencyRow): AgencyView {
  return {
    code: r.code,
    name: { kk: r.name_kk, ru: r.name_ru, en: r.name_en },
    contacts: redactContactSecrets(r.contacts),
    notifications: notificationPolicySchema.parse(r.notifications ?? {}),
    enabled: r.enabled,
    source: r.source,
    created_at: iso(r.created_at),
    updated_at: iso(r.updated_at),
  };
}

export interface SystemRow {
  code: string;
  agency_code: string;
  name_kk: string;
  name_ru: string;
  name_en: string;
  short_name_kk: string | null;
  short_name_ru: string | null;
  short_name_en: string | null;
  tier: SystemView['tier'];
  category_code: string | null;
  is_public: boolean;
  depends_on: string[];
  slo_target: string | number | null;
  enabled: boolean;
  source: SystemView['source'];
  created_at: Date;
  updated_at: Date;
}

export function toSystemView(r: SystemRow): SystemView {
  return {
    code: r.code,
    agency: r.agency_code,
    name: { kk: r.name_kk, ru: r.name_ru, en: r.name_en },
    short_name:
      r.short_name_kk && r.short_name_ru && r.short_name_en
        ? { kk: r.short_name_kk, ru: r.short_name_ru, en: r.short_name_en }
        : null,
    tier: r.tier,
    category: r.category_code,
    public: r.is_public,
    depends_on: r.depends_on ?? [],
    slo_target: num(r.slo_target),
    enabled: r.enabled,
    source: r.source,
    created_at: iso(r.created_at),
    updated_at: iso(r.updated_at),
  };
}

export interface CheckRow {
  id: number | string;
  key: string;
  system_code: string;
  code: string;
  kind: CheckView['kind'];
  target: string | null;
  interval_s: string | number;
  timeout_s: string | number;
  regions: string[];
  conditions: string[];
  thresholds: Record<string, unknown>;
  role: CheckRoleName | null;
  /** As stored, secrets included: never put into a view as it is. */
  options: Record<string, unknown>;
  push_token: string | null;
  enabled: boolean;
  source: CheckView['source'];
  created_at: Date;
  updated_at: Date;
}

export function toCheckView(r: CheckRow): CheckView {
  return {
    id: Number(r.id),
    key: r.key,
    system: r.system_code,
    code: r.code,
    kind: r.kind,
    target: r.target,
    interval_s: Number(r.interval_s),
    timeout_s: Number(r.timeout_s),
    regions: r.regions,
    conditions: r.conditions,
    thresholds: r.thresholds,
    role: r.role ?? defaultCheckRole(r.kind),
    role_explicit: r.role !== null && r.role !== undefined,
    // Check secrets are write-only: every view, to every role, says only that one is set.
    options: redactCheckOptions(r.options),
    push_token: r.push_token,
    enabled: r.enabled,
    source: r.source,
    created_at: iso(r.created_at),
    updated_at: iso(r.updated_at),
  };
}

export interface MaintenanceRow {
  code: string;
  title_kk: string;
  title_ru: string;
  title_en: string;
  systems: string[];
  timezone: string;
  starts_at: Date | null;
  ends_at: Date | null;
  recurrence: string | null;
  start_time: string | null;
  duration_s: string | number | null;
  enabled: boolean;
  source: MaintenanceView['source'];
  created_at: Date;
  updated_at: Date;
}

export function toMaintenanceView(r: MaintenanceRow): MaintenanceView {
  return {
    code: r.code,
    title: { kk: r.title_kk, ru: r.title_ru, en: r.title_en },
    systems: r.systems ?? [],
    timezone: r.timezone,
    starts_at: r.starts_at ? iso(r.starts_at) : null,
    ends_at: r.ends_at ? iso(r.ends_at) : null,
    starts_at_local: r.starts_at ? utcToLocalDateTime(new Date(r.starts_at), r.timezone) : null,
    ends_at_local: r.ends_at ? utcToLocalDateTime(new Date(r.ends_at), r.timezone) : null,
    recurrence: r.recurrence,
    start_time: r.start_time,
    duration_s: num(r.duration_s),
    enabled: r.enabled,
    source: r.source,
    created_at: iso(r.created_at),
    updated_at: iso(r.updated_at),
  };
}
