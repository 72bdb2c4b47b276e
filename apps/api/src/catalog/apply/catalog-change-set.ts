import type { CatalogSource } from '@kuzet/contracts';
import {
  LoadedAgency,
  LoadedCategory,
  LoadedCheck,
  LoadedMaintenance,
  LoadedSystem,
} from '../loader/loaded-catalog';

/** Items to add or update; a whole folder, or what one REST write touches. */
export interface CatalogChangeSet {
  categories?: LoadedCategory[];
  agencies?: LoadedAgency[];
  systems?: LoadedSystem[];
  checks?: LoadedCheck[];
  maintenance?: LoadedMaintenance[];
}

/** Codes (check keys for checks) to disable in a partial apply. */
export interface CatalogDisableSet {
  categories?: string[];
  agencies?: string[];
  systems?: string[];
  checks?: string[];
  maintenance?: string[];
}

export interface ApplyMode {
  source: CatalogSource;
  /** 'full': the change set is the whole catalog folder; 'partial': only the given items. */
  scope: 'full' | 'partial';
  disable?: CatalogDisableSet;
  /** Recorded with the revision: the folder's hash, or a hash of the request. */
  contentHash: string;
}
