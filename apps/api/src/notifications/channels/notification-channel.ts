import type { IncidentCause } from '@kuzet/contracts';

// The seam between the notifier (policies, outbox, grouping, escalation) and the channels that
// deliver (SMTP, Standard Webhooks, Telegram). The notifier renders an AlertContent into a
// RenderedMessage with the templates, then hands it to the channel of the recipient's kind.

export type ChannelKind = 'email' | 'webhook' | 'telegram';
export type AlertLanguage = 'kk' | 'ru' | 'en';

/** Why a message is sent. */
export type AlertKind = 'firing' | 'resolved' | 'escalation' | 'informational' | 'repeat';

/** One incident as an alert lists it: public-safe fields only (no URL, address or secret). */
export interface AlertIncident {
  incidentId: number;
  systemCode: string;
  systemName: { kk: string; ru: string; en: string };
  agencyCode: string;
  severity: 'sev1' | 'sev2' | 'sev3' | 'sev4';
  status: string;
  cause: IncidentCause | null;
  /** ms since epoch; templates show it in Asia/Almaty. */
  startedAt: number;
  resolvedAt: number | null;
  /** Link to the incident on the board. */
  boardUrl: string;
  /** Symptoms folded under this root (other systems, possibly other agencies). */
  alsoAffected: { systemCode: string; systemName: { kk: string; ru: string; en: string }; agencyCode: string }[];
}

/** What one message is about: a group of incidents of one agency (one or many). */
export interface AlertContent {
  kind: AlertKind;
  agencyCode: string;
  agencyName: { kk: string; ru: string; en: string };
  incidents: AlertIncident[];
  /** Escalation level (0 = first recipients). */
  level: number;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html?: string;
}

export interface ChannelTarget {
  kind: ChannelKind;
  /** E-mail address, webhook URL or Telegram chat id. */
  address: string;
  /** Webhook signing secrets ("whsec_…"); two during a rotation, the first is current. */
  secrets?: string[];
  /**
   * An anonymous subscriber's webhook: only public addresses are reached (judged after DNS, at
   * connect time). Agencies' own contacts may be on internal networks.
   */
  publicOnly?: boolean;
}

export interface OutgoingNotification {
  /** Per (incident, transition, channel, recipient); the webhook-id for webhooks. */
  idempotencyKey: string;
  language: AlertLanguage;
  content: AlertContent;
  rendered: RenderedMessage;
  /** Telegram inline "acknowledge" button data, when the recipient may acknowledge. */
  ackToken?: string;
  /** Extra e-mail headers (e.g. List-Unsubscribe); never override the channel's own. */
  headers?: Record<string, string>;
  /** A webhook body other than an alert's (subscriber updates): its type and data. */
  webhookEvent?: { type: string; data: Record<string, unknown> };
}

export type DeliveryOutcome =
  | { ok: true; detail?: string }
  | {
      ok: false;
      /** false: no point retrying (4xx other than 408/429). */
      retryable: boolean;
      /** From Retry-After (429/503), in ms. */
      retryAfterMs?: number;
      /** 410 Gone: the endpoint asks to be disabled. */
      gone?: boolean;
      /** Short, secret-free reason for the delivery log. */
      error: string;
    };

/** One delivery channel; each is an injectable class with this one method. */
export interface NotificationChannel {
  readonly kind: ChannelKind;
  send(target: ChannelTarget, notification: OutgoingNotification): Promise<DeliveryOutcome>;
}

/** Nest injection token for the list of channels. */
export const NOTIFICATION_CHANNELS = Symbol('NOTIFICATION_CHANNELS');
