import type { PublicIncidentView, PublicSystem, PublicUpdate } from '@kuzet/contracts';
import type { PublicIncidentRow, PublicSystemRow } from './public-status.repository';

/** Named fields copied, never spread: a column added to a row later cannot leak by accident. */
export function toPublicSystem(s: PublicSystemRow): PublicSystem {
  return {
    code: s.code,
    name: { kk: s.name.kk, ru: s.name.ru, en: s.name.en },
    agency: s.agency,
    category: s.category,
    status: s.status,
    status_since: s.statusSince,
  };
}

export function toPublicIncidentView(i: PublicIncidentRow, updates: readonly PublicUpdate[]): PublicIncidentView {
  return {
    id: i.id,
    system: i.system,
    agency: i.agency,
    title: { kk: i.title.kk, ru: i.title.ru, en: i.title.en },
    status: i.status,
    public_state: i.publicState,
    started_at: i.openedAt.toISOString(),
    resolved_at: i.resolvedAt ? i.resolvedAt.toISOString() : null,
    updates: [...updates],
  };
}
