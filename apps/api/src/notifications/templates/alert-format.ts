import type { AlertLanguage } from '../channels/notification-channel';

// Dates, durations and numbers in the reader's language, through Intl (full ICU ships with Node).
// Kazakhstan's official time for alerts is Asia/Almaty, whatever the server's zone.
export const ALERT_TIME_ZONE = 'Asia/Almaty';

const LOCALES: Record<AlertLanguage, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

const dateTimeFormats = new Map<AlertLanguage, Intl.DateTimeFormat>();

/** "10 Mar 2026, 09:05 (Asia/Almaty)" in the reader's language. */
export function formatAlertTime(ms: number, language: AlertLanguage): string {
  let format = dateTimeFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language], {
      timeZone: ALERT_TIME_ZONE,
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    dateTimeFormats.set(language, format);
  }
  return `${format.format(new Date(ms))} (${ALERT_TIME_ZONE})`;
}

type Unit = 'day' | 'hour' | 'minute' | 'second';

export function formatUnit(value: number, unit: Unit, language: AlertLanguage): string {
  return new Intl.NumberFormat(LOCALES[language], { style: 'unit', unit, unitDisplay: 'short' }).format(
    value,
  );
}

/** "1 hr 5 min", "2 дн. 3 ч": days, hours and minutes; seconds only under a minute. */
export function formatAlertDuration(ms: number, language: AlertLanguage): string {
  const totalS = Math.max(0, Math.round(ms / 1000));
  if (totalS < 60) return formatUnit(totalS, 'second', language);
  const totalMin = Math.floor(totalS / 60);
  const parts: [number, Unit][] = [
    [Math.floor(totalMin / 1440), 'day'],
    [Math.floor((totalMin % 1440) / 60), 'hour'],
    [totalMin % 60, 'minute'],
  ];
  const shown = parts.filter(([v]) => v > 0).map(([v, u]) => formatUnit(v, u, language));
  return new Intl.ListFormat(LOCALES[language], { type: 'unit', style: 'narrow' }).format(shown);
}

/** "a, b and c" in the reader's language. */
export function formatAlertList(items: string[], language: AlertLanguage): string {
  return new Intl.ListFormat(LOCALES[language], { type: 'conjunction', style: 'long' }).format(items);
}
