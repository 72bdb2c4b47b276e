import type { LinkedUser } from './telegram-links.repository';

/**
 * The REST acknowledgement's rule (POST /api/incidents/:id/ack: admin, duty officer, or an
 * agency operator on its own agency's incident), for a user acting through Telegram.
 */
export function mayAcknowledge(user: LinkedUser, incidentAgencyCode: string): boolean {
  if (user.disabled) return false;
  if (user.role === 'admin' || user.role === 'duty_officer') return true;
  return user.role === 'agency_operator' && user.agency === incidentAgencyCode;
}
