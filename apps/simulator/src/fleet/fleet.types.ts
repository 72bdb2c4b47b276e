/** The fleet facts read from kz-fleet.yaml, normalised: lists in file order, camelCase fields. */

export interface LocalizedName {
  kk: string;
  ru: string;
  en: string;
}

export const TIERS = ['critical', 'high', 'normal', 'internal'] as const;
export type Tier = (typeof TIERS)[number];

/** Ordered from oldest to newest: tls-versions.ts relies on this order to find holes. */
export const TLS_VERSIONS = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const;
export type TlsVersion = (typeof TLS_VERSIONS)[number];

/** What an invented persona serves: drives headers, TLS versions and HTTP/2. */
export interface Persona {
  code: string;
  tls: TlsVersion[];
  server: string;
  poweredBy: string | null;
  aspnetVersion: string | null;
  hsts: string | null;
  csp: string | null;
  http2: boolean;
}

export interface FleetCategory {
  code: string;
  name: LocalizedName;
}

export interface FleetAgency {
  code: string;
  name: LocalizedName;
}

export interface FleetSystem {
  code: string;
  agency: string;
  name: LocalizedName;
  tier: Tier;
  category: string | null;
  persona: string;
  public: boolean;
  publicUrl: string | null;
  dependsOn: string[];
}

export interface Fleet {
  categories: FleetCategory[];
  agencies: FleetAgency[];
  systems: FleetSystem[];
  personas: Record<string, Persona>;
}
