import type { AgencyView, CheckView, MaintenanceView, SystemView } from '@kuzet/contracts';
import { defaultCheckTimeoutS } from '@kuzet/contracts';

// Stored items back in document form (the YAML / REST body shape), so that a PATCH is merged
// into the stored document and the result validated by the same schema as a new item.

export type Doc = Record<string, unknown>;

/** Shallow merge; null in the patch removes the field (back to its default, or clears it). */
export function mergePatch(doc: Doc, patch: Doc): Doc {
  const out: Doc = { ...doc };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null) delete out[key];
    else out[key] = value;
  }
  return out;
}

export function agencyDocumentOf(v: AgencyView): Doc {
  return {
    code: v.code,
    name: v.name,
    contacts: v.contacts,
    notifications: v.notifications,
    enabled: v.enabled,
  };
}

export function systemDocumentOf(v: SystemView): Doc {
  const doc: Doc = {
    code: v.code,
    agency: v.agency,
    name: v.name,
    tier: v.tier,
    public: v.public,
    depends_on: v.depends_on,
    enabled: v.enabled,
  };
  if (v.category !== null) doc.category = v.category;
  if (v.slo_target !== null) doc.slo_target = v.slo_target;
  if (v.short_name !== null) doc.short_name = v.short_name;
  return doc;
}

/**
 * A stored check as a document. The timeout is left out when it is the default for the interval,
 * so that a PATCH of the interval alone re-derives it instead of tripping "timeout < interval".
 */
export function checkDocumentOf(v: CheckView): Doc {
  const { ca_pem: _pem, grace_s, ...options } = v.options as Doc & { ca_pem?: unknown; grace_s?: number };
  const doc: Doc = {
    code: v.code,
    kind: v.kind,
    interval: v.interval_s,
    regions: v.regions,
    conditions: v.conditions,
    thresholds: v.thresholds,
    ...(v.role_explicit ? { role: v.role } : {}),
    options: v.kind === 'heartbeat' ? (grace_s === undefined ? {} : { grace: grace_s }) : options,
    enabled: v.enabled,
  };
  if (v.target !== null) doc.target = v.target;
  if (v.kind !== 'heartbeat' && v.timeout_s !== defaultCheckTimeoutS(v.interval_s)) doc.timeout = v.timeout_s;
  return doc;
}

export function maintenanceDocumentOf(v: MaintenanceView): Doc {
  const doc: Doc = {
    code: v.code,
    title: v.title,
    systems: v.systems,
    timezone: v.timezone,
    enabled: v.enabled,
  };
  if (v.starts_at_local !== null) doc.starts_at = v.starts_at_local;
  if (v.ends_at_local !== null) doc.ends_at = v.ends_at_local;
  if (v.recurrence !== null) doc.recurrence = v.recurrence;
  if (v.start_time !== null) doc.start_time = v.start_time;
  if (v.duration_s !== null) doc.duration = v.duration_s;
  return doc;
}
