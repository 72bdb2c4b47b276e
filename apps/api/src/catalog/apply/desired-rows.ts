import {
  LoadedAgency,
  LoadedCategory,
  LoadedCheck,
  LoadedMaintenance,
  LoadedSystem,
} from '../loader/loaded-catalog';

// Loaded items -> the entity columns the apply step compares and writes. Ids of referenced rows
// are looked up by code in maps the caller builds from what is stored (plus what it just inserted).

export class UnresolvedReferenceError extends Error {
  constructor(kind: string, code: string, by: string) {
    super(`${kind} "${code}" referenced by ${by} is not in the catalog`);
    this.name = 'UnresolvedReferenceError';
  }
}

const idOf = (ids: ReadonlyMap<string, number>, kind: string, code: string, by: string): number => {
  const id = ids.get(code);
  if (id === undefined) throw new UnresolvedReferenceError(kind, code, by);
  return id;
};

export function categoryColumns(c: LoadedCategory) {
  return { code: c.code, nameKk: c.name.kk, nameRu: c.name.ru, nameEn: c.name.en, enabled: true };
}

export function agencyColumns(a: LoadedAgency) {
  return {
    code: a.code,
    nameKk: a.name.kk,
    nameRu: a.name.ru,
    nameEn: a.name.en,
    contacts: a.contacts,
    notifications: a.notifications,
    enabled: a.enabled,
  };
}

export function systemColumns(
  s: LoadedSystem,
  agencyIds: ReadonlyMap<string, number>,
  categoryIds: ReadonlyMap<string, number>,
) {
  return {
    code: s.code,
    agencyId: idOf(agencyIds, 'agency', s.agency, `system ${s.code}`),
    tier: s.tier,
    isPublic: s.isPublic,
    nameKk: s.name.kk,
    nameRu: s.name.ru,
    nameEn: s.name.en,
    shortNameKk: s.shortName?.kk ?? null,
    shortNameRu: s.shortName?.ru ?? null,
    shortNameEn: s.shortName?.en ?? null,
    categoryId: s.category === null ? null : idOf(categoryIds, 'category', s.category, `system ${s.code}`),
    sloTarget: s.sloTarget,
    enabled: s.enabled,
  };
}

export function checkColumns(c: LoadedCheck, systemIds: ReadonlyMap<string, number>) {
  return {
    key: c.key,
    code: c.code,
    systemId: idOf(systemIds, 'system', c.system, `check ${c.key}`),
    kind: c.kind,
    target: c.target,
    intervalS: c.intervalS,
    timeoutS: c.timeoutS,
    regions: c.regions,
    conditions: c.conditions,
    thresholds: c.thresholds,
    role: c.role,
    options: c.options,
    enabled: c.enabled,
  };
}

export function maintenanceColumns(m: LoadedMaintenance) {
  return {
    code: m.code,
    titleKk: m.title.kk,
    titleRu: m.title.ru,
    titleEn: m.title.en,
    timezone: m.timezone,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    recurrence: m.recurrence,
    startTime: m.startTime,
    durationS: m.durationS,
    enabled: m.enabled,
  };
}

/** Sets of ids as sorted arrays, to compare link tables. */
export function sameIdSet(a: Iterable<number>, b: Iterable<number>): boolean {
  const x = [...new Set(a)].sort((p, q) => p - q);
  const y = [...new Set(b)].sort((p, q) => p - q);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}
