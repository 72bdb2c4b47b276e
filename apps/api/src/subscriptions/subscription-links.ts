/** Where the subscription routes live under the public URL (KUZET_PUBLIC_URL). */
export const SUBSCRIPTIONS_PATH = '/api/public/v1/subscriptions';

const base = (publicUrl: string) => publicUrl.replace(/\/+$/, '');

export function confirmUrl(publicUrl: string, token: string): string {
  return `${base(publicUrl)}${SUBSCRIPTIONS_PATH}/confirm?token=${encodeURIComponent(token)}`;
}

export function unsubscribeUrl(publicUrl: string, token: string): string {
  return `${base(publicUrl)}${SUBSCRIPTIONS_PATH}/unsubscribe?token=${encodeURIComponent(token)}`;
}

/** The incident's page on the public status site. */
export function publicIncidentUrl(publicUrl: string, language: string, incidentId: number): string {
  return `${base(publicUrl)}/${language}/status/incidents/${incidentId}`;
}
