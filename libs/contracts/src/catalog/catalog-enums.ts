import { z } from 'zod';

/** How much an outage of a system matters; drives alert routing and board ordering. */
export const SYSTEM_TIERS = ['critical', 'high', 'normal', 'internal'] as const;
export const systemTierSchema = z.enum(SYSTEM_TIERS);
export type SystemTier = z.infer<typeof systemTierSchema>;

/** The probe runners libs/checks provides. */
export const CHECK_KINDS = ['http', 'tcp', 'dns', 'tls', 'heartbeat'] as const;
export const checkKindSchema = z.enum(CHECK_KINDS);
export type CheckKind = z.infer<typeof checkKindSchema>;

/**
 * A check's role: `primary` checks (what the citizen uses) decide the system's status;
 * `diagnostic` checks explain it and can only degrade it. Default by kind (defaultCheckRole).
 */
export const CHECK_ROLES = ['primary', 'diagnostic'] as const;
export const checkRoleSchema = z.enum(CHECK_ROLES);
export type CheckRoleName = z.infer<typeof checkRoleSchema>;

/** http and heartbeat are what a citizen uses; dns, tcp and tls explain a failure. */
export function defaultCheckRole(kind: CheckKind): CheckRoleName {
  return kind === 'http' || kind === 'heartbeat' ? 'primary' : 'diagnostic';
}

/** The public status vocabulary (Atlassian Statuspage's, which citizens and tools already know). */
export const PUBLIC_STATUSES = [
  'operational',
  'degraded_performance',
  'partial_outage',
  'major_outage',
  'under_maintenance',
] as const;
export const publicStatusSchema = z.enum(PUBLIC_STATUSES);
export type PublicStatus = z.infer<typeof publicStatusSchema>;

/** Where a catalog row came from: the catalog folder (source of truth when set) or a REST write. */
export const CATALOG_SOURCES = ['folder', 'api'] as const;
export const catalogSourceSchema = z.enum(CATALOG_SOURCES);
export type CatalogSource = z.infer<typeof catalogSourceSchema>;

/** The languages every public text is written in. */
export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
