import i18next, { type TFunction } from 'i18next';
import ICU from 'i18next-icu';
import type { PublicLanguage } from '@kuzet/contracts/public/public-api.dto';
import type { LocalizedText } from '@kuzet/contracts/catalog/localized-text.schema';
import { PUBLIC_MESSAGES } from './public-messages';

/** Dates on the public pages are Almaty time, whatever the reader's or the server's zone. */
export const PUBLIC_TIME_ZONE = 'Asia/Almaty';
const LOCALES: Record<PublicLanguage, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

// One i18next instance (ICU plurals through intl-messageformat) for the three languages; each
// render takes a fixed-language t, so concurrent server renders in different languages never clash.
const instance = i18next.createInstance();
void instance.use(new ICU()).init({
  initAsync: false,
  lng: 'ru',
  fallbackLng: false,
  resources: Object.fromEntries(Object.entries(PUBLIC_MESSAGES).map(([lang, m]) => [lang, { translation: m }])),
  interpolation: { escapeValue: false },
  returnNull: false,
});

export interface PublicText {
  lang: PublicLanguage;
  t: TFunction;
  /** A catalog text (system, agency, incident title) in this language. */
  pick: (text: LocalizedText) => string;
  dateTime: (iso: string) => string;
  date: (isoDay: string) => string;
  percent: (ratio: number) => string;
}

const cache = new Map<PublicLanguage, PublicText>();

// Almaty's calendar fields by number only: month names and order come from the messages, because
// the browser's and the server's ICU data differ (Chromium has no Kazakh month names), and the
// server-rendered text must equal the hydrated one.
const almatyParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: PUBLIC_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function fields(date: Date, timeZoneParts: Intl.DateTimeFormat): Record<string, string> {
  return Object.fromEntries(timeZoneParts.formatToParts(date).map((p) => [p.type, p.value]));
}
const utcParts = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });

export function publicText(lang: PublicLanguage): PublicText {
  const hit = cache.get(lang);
  if (hit) return hit;
  const t = instance.getFixedT(lang);
  const months = t('months').split('|');
  const pct = new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits: 2 });
  const text: PublicText = {
    lang,
    t,
    pick: (s) => s[lang],
    dateTime: (iso) => {
      const f = fields(new Date(iso), almatyParts);
      return t('dateTimeFormat', { day: Number(f.day), month: months[Number(f.month) - 1], year: f.year, time: `${f.hour}:${f.minute}` });
    },
    // A YYYY-MM-DD day is already an Almaty day: read it in UTC so no zone shifts it.
    date: (isoDay) => {
      const f = fields(new Date(`${isoDay}T12:00:00Z`), utcParts);
      return t('dateFormat', { day: Number(f.day), month: months[Number(f.month) - 1], year: f.year });
    },
    percent: (ratio) => pct.format(ratio),
  };
  cache.set(lang, text);
  return text;
}
