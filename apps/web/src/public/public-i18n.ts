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

export function publicText(lang: PublicLanguage): PublicText {
  const hit = cache.get(lang);
  if (hit) return hit;
  const locale = LOCALES[lang];
  const dt = new Intl.DateTimeFormat(locale, { timeZone: PUBLIC_TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' });
  // A YYYY-MM-DD day is already an Almaty day: format it at noon UTC, in UTC, so no zone shifts it.
  const day = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'medium' });
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  const text: PublicText = {
    lang,
    t: instance.getFixedT(lang),
    pick: (t) => t[lang],
    dateTime: (iso) => dt.format(new Date(iso)),
    date: (isoDay) => day.format(new Date(`${isoDay}T12:00:00Z`)),
    percent: (ratio) => pct.format(ratio),
  };
  cache.set(lang, text);
  return text;
}
