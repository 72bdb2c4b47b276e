import { LocalizedName, Tier } from '../fleet/fleet.types';

/** The subset of the catalog format (docs/catalog.md) the simulator writes. */
export interface CatalogCheck {
  code: string;
  kind: 'http' | 'tcp' | 'dns' | 'tls';
  target: string;
  interval: string;
  timeout: string;
  conditions?: string[];
  options?: Record<string, unknown>;
}

export interface CatalogSystem {
  code: string;
  agency: string;
  name: LocalizedName;
  short_name?: LocalizedName;
  tier: Tier;
  category?: string;
  public: boolean;
  depends_on?: string[];
  checks: CatalogCheck[];
}

export interface CatalogFile {
  /** Path relative to the catalog folder, with forward slashes. */
  path: string;
  content: {
    categories?: { code: string; name: LocalizedName }[];
    agencies?: { code: string; name: LocalizedName }[];
    systems?: CatalogSystem[];
  };
}
