import type { FailurePhrase } from '@kuzet/detection';
import type { AlertIncident, AlertLanguage } from '../channels/notification-channel';
import { EN_PHRASES } from './alert-phrases.en';
import { KK_PHRASES } from './alert-phrases.kk';
import { RU_PHRASES } from './alert-phrases.ru';

type Severity = AlertIncident['severity'];

/** Every word an alert says, in one language. Numbers and dates are formatted with Intl. */
export interface AlertPhrases {
  severity: Record<Severity, string>;
  /** Subject of a message about one system / several systems of an agency. */
  firingOne: (system: string) => string;
  firingMany: (count: number, agency: string) => string;
  resolvedOne: (system: string) => string;
  resolvedMany: (count: number, agency: string) => string;
  escalationPrefix: (level: number) => string;
  repeatPrefix: string;
  informationalPrefix: string;
  escalationNote: string;
  informationalNote: string;
  agency: string;
  severityLabel: string;
  started: string;
  resolvedAt: string;
  duration: string;
  cause: string;
  causeUnknown: string;
  regions: string;
  alsoAffected: string;
  yourAffected: string;
  board: string;
  more: (count: number) => string;
  /** Telegram's inline button that acknowledges the incident. */
  acknowledge: string;
  footer: string;
  /** The detector's fixed failure phrases (libs/detection failure-words), translated. */
  failure: Record<FailurePhrase, string>;
  timeoutAfter: (seconds: string) => string;
  certificateExpiresIn: (days: string) => string;
}

export const ALERT_PHRASES: Record<AlertLanguage, AlertPhrases> = {
  en: EN_PHRASES,
  ru: RU_PHRASES,
  kk: KK_PHRASES,
};
