import {
  ALERT_SEVERITIES,
  AgencyContact,
  AlertSeverity,
  contactAddress,
  NotificationPolicy,
} from '@kuzet/contracts';

/** One recipient of a message: a contact of the agency, or of an escalation level. */
export interface Recipient {
  channel: AgencyContact['kind'];
  address: string;
  language: AgencyContact['language'];
  contact: AgencyContact;
}

export function recipientOf(contact: AgencyContact): Recipient {
  return { channel: contact.kind, address: contactAddress(contact), language: contact.language, contact };
}

/** Which of the agency's contacts hear about an incident of this system and severity (none: muted). */
export function recipientsFor(
  policy: NotificationPolicy,
  contacts: readonly AgencyContact[],
  incident: { systemCode: string; severity: AlertSeverity },
): AgencyContact[] {
  if (!policy.enabled) return [];
  if (ALERT_SEVERITIES.indexOf(incident.severity) > ALERT_SEVERITIES.indexOf(policy.min_severity)) return [];
  // The system's override wins over the severity's.
  const override = policy.systems[incident.systemCode] ?? policy.severities[incident.severity];
  if (override?.mute) return [];
  if (!override?.contacts) return [...contacts];
  const names = new Set(override.contacts);
  return contacts.filter((c) => c.name !== undefined && names.has(c.name));
}

/** The contacts of escalation level `level` (1 = the first entry of the chain). */
export function escalationContacts(
  policy: NotificationPolicy,
  contacts: readonly AgencyContact[],
  level: number,
): AgencyContact[] {
  const names = new Set(policy.escalation[level - 1]?.contacts ?? []);
  return contacts.filter((c) => c.name !== undefined && names.has(c.name));
}
