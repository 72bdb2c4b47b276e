import type { BoardIncident, PublicEventData, PublicIncident, SystemStatusView } from '@kuzet/contracts';
import { incidentViewOf } from '../incidents/incident-view';

/** An incident as the board shows it: the REST view without the timeline. */
export const toBoardIncident = incidentViewOf;

/**
 * The public projection: named fields are copied, never spread, so a field added to the board
 * view later (notes, targets, error text, internal state) cannot leak here by accident.
 */
export function toPublicIncident(i: BoardIncident): PublicIncident {
  return {
    id: i.id,
    system: i.system,
    agency: i.agency,
    status: i.status,
    public_state: i.public_state,
    opened_at: i.opened_at,
    resolved_at: i.resolved_at,
    title: { kk: i.title.kk, ru: i.title.ru, en: i.title.en },
  };
}

export function toPublicSystemStatus(s: SystemStatusView): PublicEventData['system.status'] {
  return {
    system: s.system,
    agency: s.agency,
    tier: s.tier,
    status: s.status,
    updated_at: s.updated_at,
  };
}
