import { Injectable } from '@nestjs/common';
import type {
  AlertContent,
  AlertIncident,
  AlertLanguage,
  ChannelKind,
  RenderedMessage,
} from './channels/notification-channel';

/** Turns what a message is about into its text for one channel and language (the templates). */
export interface AlertRenderer {
  render(content: AlertContent, channel: ChannelKind, language: AlertLanguage): RenderedMessage;
}

/** Nest injection token for the AlertRenderer. */
export const ALERT_RENDERER = Symbol('ALERT_RENDERER');

const WORDS: Record<AlertLanguage, Record<AlertContent['kind'] | 'alsoAffected' | 'duration', string>> = {
  en: {
    firing: 'Failure',
    resolved: 'Resolved',
    escalation: 'Not acknowledged',
    informational: 'Affected by a failure elsewhere',
    repeat: 'Still failing',
    alsoAffected: 'also affected',
    duration: 'lasted',
  },
  ru: {
    firing: 'Сбой',
    resolved: 'Восстановлено',
    escalation: 'Не подтверждено',
    informational: 'Затронуто сбоем в другой системе',
    repeat: 'Сбой продолжается',
    alsoAffected: 'также затронуты',
    duration: 'длительность',
  },
  kk: {
    firing: 'Ақау',
    resolved: 'Қалпына келтірілді',
    escalation: 'Расталмаған',
    informational: 'Басқа жүйедегі ақау әсер етті',
    repeat: 'Ақау жалғасуда',
    alsoAffected: 'сондай-ақ зардап шекті',
    duration: 'ұзақтығы',
  },
};

const almaty = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Almaty',
  dateStyle: 'short',
  timeStyle: 'short',
});

function minutes(ms: number): string {
  const m = Math.max(0, Math.round(ms / 60_000));
  return m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

/**
 * The default renderer: plain text, one line per incident. The channels' templates replace it;
 * it never prints anything but the public-safe fields of AlertContent.
 */
@Injectable()
export class PlainTextAlertRenderer implements AlertRenderer {
  render(content: AlertContent, _channel: ChannelKind, language: AlertLanguage): RenderedMessage {
    const w = WORDS[language];
    const worst = content.incidents.map((i) => i.severity).sort()[0] ?? 'sev4';
    const subject = `[${worst.toUpperCase()}] ${w[content.kind]}: ${content.agencyName[language]} (${content.incidents.length})`;
    const line = (i: AlertIncident) => {
      const parts = [`${i.severity.toUpperCase()} ${i.systemName[language]} (${i.systemCode})`, almaty.format(i.startedAt)];
      if (i.resolvedAt !== null) parts.push(`${w.duration} ${minutes(i.resolvedAt - i.startedAt)}`);
      const cause = i.cause?.checks.map((c) => `${c.checkCode}: ${c.error}`).join('; ');
      if (cause) parts.push(cause);
      if (i.alsoAffected.length > 0)
        parts.push(`${w.alsoAffected}: ${i.alsoAffected.map((a) => `${a.systemName[language]} (${a.agencyCode})`).join(', ')}`);
      parts.push(i.boardUrl);
      return `- ${parts.join(' · ')}`;
    };
    return { subject, text: [subject, ...content.incidents.map(line)].join('\n') };
  }
}
