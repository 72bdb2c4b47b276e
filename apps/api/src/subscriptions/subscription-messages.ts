import { escapeHtml } from '../notifications/templates/escape-html';
import { formatAlertTime } from '../notifications/templates/alert-format';
import type { LocalizedText } from '../incidents/incident-record';
import type { NewOutboxRow, OutboxNotice } from '../notifications/notification-records';
import { confirmUrl, publicIncidentUrl, unsubscribeUrl } from './subscription-links';
import { inLanguage, SUBSCRIPTION_PHRASES } from './subscription-phrases';
import type { PublicIncidentEvent, Subscriber, SubscriptionLanguage } from './subscription-record';

/** What a subscription follows, named for the reader: everything, a system or an agency. */
export type ScopeLabel = { kind: 'all' } | { kind: 'system'; name: LocalizedText } | { kind: 'agency'; name: LocalizedText };

export function scopeText(scope: ScopeLabel, language: SubscriptionLanguage): string {
  const p = SUBSCRIPTION_PHRASES[language];
  if (scope.kind === 'all') return p.scopeAll;
  if (scope.kind === 'system') return inLanguage(scope.name, language);
  return p.scopeAgency(inLanguage(scope.name, language));
}

const html = (language: string, paragraphs: string[]) =>
  `<!doctype html><html lang="${language}"><body>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</body></html>`;
const link = (url: string) => `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;

/** The double opt-in message: the confirmation link, in the chosen language. */
export function confirmationNotice(scope: ScopeLabel, language: SubscriptionLanguage, publicUrl: string, token: string): OutboxNotice {
  const p = SUBSCRIPTION_PHRASES[language];
  const url = confirmUrl(publicUrl, token);
  const intro = p.confirmIntro(scopeText(scope, language));
  return {
    subject: p.confirmSubject,
    text: [intro, '', `${p.confirmAction} ${url}`, '', p.confirmIgnore].join('\n'),
    html: html(language, [escapeHtml(intro), `${escapeHtml(p.confirmAction)} ${link(url)}`, escapeHtml(p.confirmIgnore)]),
  };
}

/**
 * The double opt-in of a webhook: a `subscription.verify` event POSTed to the webhook itself,
 * carrying the confirmation link. The receiver (or whoever reads its log) POSTs or opens
 * `confirm_url`; until then nothing else is sent there.
 */
export function webhookVerificationNotice(
  scope: ScopeLabel,
  language: SubscriptionLanguage,
  publicUrl: string,
  token: string,
  expiresAt: number,
): OutboxNotice {
  const mail = confirmationNotice(scope, language, publicUrl, token);
  return {
    ...mail,
    webhook: {
      type: 'subscription.verify',
      data: { scope: scopeText(scope, language), confirm_url: confirmUrl(publicUrl, token), expires_at: new Date(expiresAt).toISOString() },
    },
  };
}

/** The webhook body of a subscriber update: public fields only. */
export function updateWebhookEvent(event: PublicIncidentEvent, unsubscribe: string): NonNullable<OutboxNotice['webhook']> {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    type: `status.incident.${event.kind}`,
    data: {
      incident: {
        id: event.incidentId,
        system: event.systemCode,
        system_name: event.systemName,
        agency: event.agencyCode,
        agency_name: event.agencyName,
        title: event.title,
        public_state: event.publicState,
        started_at: iso(event.openedAt),
        resolved_at: iso(event.resolvedAt),
      },
      update: event.updateText === null ? null : { at: iso(event.at), text: event.updateText },
      unsubscribe_url: unsubscribe,
    },
  };
}

/**
 * One incident event told to one subscriber, in the subscriber's language: the title, the public
 * state, the public update's text and the times in Asia/Almaty; never a target, error, severity
 * or internal note. E-mails carry the one-click unsubscribe headers (RFC 8058).
 */
export function updateNotice(event: PublicIncidentEvent, subscriber: Subscriber, publicUrl: string): OutboxNotice {
  const language = subscriber.language;
  const p = SUBSCRIPTION_PHRASES[language];
  const system = inLanguage(event.systemName, language);
  const title = inLanguage(event.title, language);
  const unsubscribe = unsubscribeUrl(publicUrl, subscriber.unsubscribeToken);
  const details = publicIncidentUrl(publicUrl, language, event.incidentId);
  const lines: [string, string][] = [
    [p.system, `${system} (${inLanguage(event.agencyName, language)})`],
    [p.status, p.publicState[event.publicState]],
    [p.started, formatAlertTime(event.openedAt, language)],
    ...(event.resolvedAt === null ? [] : [[p.resolved, formatAlertTime(event.resolvedAt, language)] as [string, string]]),
  ];
  const update = event.updateText === null ? null : inLanguage(event.updateText, language);
  const text = [
    title,
    '',
    ...(update ? [update, ''] : []),
    ...lines.map(([k, v]) => `${k}: ${v}`),
    `${p.details}: ${details}`,
    '',
    `${p.unsubscribe}: ${unsubscribe}`,
  ].join('\n');
  return {
    subject: `${system}: ${p.kind[event.kind]}: ${title}`,
    text,
    html: html(language, [
      `<strong>${escapeHtml(title)}</strong>`,
      ...(update ? [escapeHtml(update)] : []),
      lines.map(([k, v]) => `${escapeHtml(k)}: ${escapeHtml(v)}`).join('<br>'),
      `${escapeHtml(p.details)}: ${link(details)}`,
      `${escapeHtml(p.unsubscribe)}: ${link(unsubscribe)}`,
    ]),
    ...(subscriber.channel === 'email'
      ? { headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } }
      : { webhook: updateWebhookEvent(event, unsubscribe) }),
  };
}

/** Unique per (subscription, incident, event): a re-run of the fan-out queues nothing twice. */
export function updateIdempotencyKey(subscriptionId: number, event: PublicIncidentEvent): string {
  return `sub:${subscriptionId}:incident:${event.incidentId}:event:${event.eventId}`;
}

/** The outbox rows of one event: one per subscriber, none when nobody follows it. */
export function updateRows(event: PublicIncidentEvent, subscribers: readonly Subscriber[], publicUrl: string, now: number): NewOutboxRow[] {
  return subscribers.map((s) => ({
    idempotencyKey: updateIdempotencyKey(s.id, event),
    agencyId: null,
    kind: 'subscription_update',
    level: 0,
    incidentIds: [event.incidentId],
    channel: s.channel,
    recipient: s.address,
    language: s.language,
    payload: { notice: updateNotice(event, s, publicUrl) },
    nextAttemptAt: now,
    createdAt: now,
  }));
}
