import { useMemo } from 'react';
import type { AgencyView, SystemView } from '@kuzet/contracts/catalog/catalog-api.dto';
import type { Lang } from '../../i18n';
import { useCatalog } from '../store/board-context';

export interface FleetIndex {
  system: (code: string) => SystemView | undefined;
  agencyName: (code: string) => string;
  agencies: AgencyView[];
  systems: SystemView[];
}

/** Catalog look-ups by code (systems, agency names in the language), rebuilt with the catalog only. */
export function useFleetIndex(lang: Lang): FleetIndex {
  const catalog = useCatalog();
  return useMemo(() => {
    const systems = new Map(catalog.systems.map((s) => [s.code, s]));
    const agencies = new Map(catalog.agencies.map((a) => [a.code, a]));
    return {
      system: (code) => systems.get(code),
      agencyName: (code) => agencies.get(code)?.name[lang] ?? code,
      agencies: catalog.agencies,
      systems: catalog.systems,
    };
  }, [catalog, lang]);
}
