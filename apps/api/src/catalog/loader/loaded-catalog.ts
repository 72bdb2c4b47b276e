import {
  AgencyContact,
  AgencyDocument,
  CategoryDocument,
  CheckDocument,
  CheckKind,
  CheckRoleName,
  checkKey,
  defaultCheckTimeoutS,
  LocalizedText,
  MaintenanceDocument,
  NotificationPolicy,
  resolveMaintenanceWindow,
  SystemDocument,
  SystemTier,
} from '@kuzet/contracts';

// The validated, normalized catalog: what the apply step turns into rows. Built from YAML by the
// loader and from REST bodies by the write service, with the same functions.

export interface LoadedCategory {
  code: string;
  name: LocalizedText;
}

export interface LoadedAgency {
  code: string;
  name: LocalizedText;
  contacts: AgencyContact[];
  notifications: NotificationPolicy;
  enabled: boolean;
}

export interface LoadedSystem {
  code: string;
  agency: string;
  name: LocalizedText;
  shortName: LocalizedText | null;
  tier: SystemTier;
  category: string | null;
  isPublic: boolean;
  dependsOn: string[];
  sloTarget: number | null;
  enabled: boolean;
}

export interface LoadedCheck {
  /** "<system>/<code>" */
  key: string;
  system: string;
  code: string;
  kind: CheckKind;
  target: string | null;
  intervalS: number;
  timeoutS: number;
  regions: string[];
  conditions: string[];
  thresholds: Record<string, unknown>;
  /** As written; null: the kind's default role. */
  role: CheckRoleName | null;
  /** Kind-specific options with defaults filled; `ca_file` comes with its PEM text as `ca_pem`. */
  options: Record<string, unknown>;
  enabled: boolean;
}

export interface LoadedMaintenance {
  code: string;
  title: LocalizedText;
  systems: string[];
  timezone: string;
  startsAt: Date | null;
  endsAt: Date | null;
  recurrence: string | null;
  startTime: string | null;
  durationS: number | null;
  enabled: boolean;
}

export interface LoadedCatalog {
  categories: LoadedCategory[];
  agencies: LoadedAgency[];
  systems: LoadedSystem[];
  checks: LoadedCheck[];
  maintenance: LoadedMaintenance[];
}

export function toLoadedCategory(doc: CategoryDocument): LoadedCategory {
  return { code: doc.code, name: doc.name };
}

export function toLoadedAgency(doc: AgencyDocument): LoadedAgency {
  return {
    code: doc.code,
    name: doc.name,
    contacts: doc.contacts,
    notifications: doc.notifications,
    enabled: doc.enabled,
  };
}

export function toLoadedSystem(doc: SystemDocument): LoadedSystem {
  return {
    code: doc.code,
    agency: doc.agency,
    name: doc.name,
    shortName: doc.short_name ?? null,
    tier: doc.tier,
    category: doc.category ?? null,
    isPublic: doc.public,
    dependsOn: [...doc.depends_on],
    sloTarget: doc.slo_target ?? null,
    enabled: doc.enabled,
  };
}

/** @param caPem the PEM text of options.ca_file, read by the caller */
export function toLoadedCheck(systemCode: string, doc: CheckDocument, caPem?: string): LoadedCheck {
  const options: Record<string, unknown> = { ...doc.options };
  if (caPem !== undefined) options.ca_pem = caPem;
  const timeout = doc.kind === 'heartbeat' ? undefined : doc.timeout;
  return {
    key: checkKey(systemCode, doc.code),
    system: systemCode,
    code: doc.code,
    kind: doc.kind,
    target: doc.kind === 'heartbeat' ? null : doc.target,
    intervalS: doc.interval,
    timeoutS: timeout ?? defaultCheckTimeoutS(doc.interval),
    regions: [...doc.regions],
    conditions: [...doc.conditions],
    thresholds: { ...doc.thresholds },
    role: doc.role ?? null,
    options,
    enabled: doc.enabled,
  };
}

export function toLoadedMaintenance(doc: MaintenanceDocument): LoadedMaintenance {
  return {
    code: doc.code,
    title: doc.title,
    systems: [...doc.systems],
    timezone: doc.timezone,
    ...resolveMaintenanceWindow(doc),
    enabled: doc.enabled,
  };
}

export function countCatalog(c: LoadedCatalog) {
  return {
    categories: c.categories.length,
    agencies: c.agencies.length,
    systems: c.systems.length,
    checks: c.checks.length,
    maintenance: c.maintenance.length,
  };
}
