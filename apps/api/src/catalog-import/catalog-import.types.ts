/**
 * What an importer produces: catalog documents in the shape docs/catalog.md describes (plain
 * objects, written out as YAML) and one warning per source feature that has no Kuzet equivalent.
 */

export interface LocalizedName {
  kk: string;
  ru: string;
  en: string;
}

export type ImportedContact =
  | { kind: 'email'; address: string; name?: string }
  | { kind: 'webhook'; url: string; name?: string }
  | { kind: 'telegram'; chat_id: string; name?: string };

export interface ImportedCheck {
  code: string;
  kind: 'http' | 'tcp' | 'dns' | 'tls' | 'heartbeat';
  target?: string;
  interval: string | number;
  timeout?: string | number;
  conditions?: string[];
  thresholds?: { failures?: number };
  enabled?: boolean;
  options?: Record<string, unknown>;
}

export interface ImportedSystem {
  code: string;
  agency: string;
  name: LocalizedName;
  tier: 'normal';
  category?: string;
  enabled?: boolean;
  checks: ImportedCheck[];
}

export interface ImportedCatalog {
  categories: { code: string; name: LocalizedName }[];
  agencies: { code: string; name: LocalizedName; contacts?: ImportedContact[] }[];
  systems: ImportedSystem[];
}

/** One source feature left out or changed; `entry` names the source item (endpoint, monitor, key). */
export interface ImportWarning {
  entry: string;
  message: string;
}

export interface ImportResult {
  catalog: ImportedCatalog;
  warnings: ImportWarning[];
}

export interface ImportOptions {
  /** Code of the one agency every imported system belongs to. */
  agencyCode: string;
  /** Its display name (used for kk, ru and en: translate later). */
  agencyName: string;
  /** Kuzet's lowest accepted interval (KUZET_MIN_INTERVAL_S); shorter source intervals are raised. */
  minIntervalS: number;
}

export const DEFAULT_IMPORT_OPTIONS: ImportOptions = {
  agencyCode: 'imported',
  agencyName: 'Imported',
  minIntervalS: 10,
};

export const sameName = (text: string): LocalizedName => ({ kk: text, ru: text, en: text });
