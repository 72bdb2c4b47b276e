import type { PublicStatus } from '@kuzet/contracts';
import type { LocalizedText, SystemRef } from './incident-record';

const WHAT: Record<PublicStatus, LocalizedText> = {
  major_outage: { kk: 'істен шықты', ru: 'недоступна', en: 'is down' },
  partial_outage: { kk: 'ішінара істемейді', ru: 'работает частично', en: 'is partly down' },
  degraded_performance: { kk: 'баяу жұмыс істейді', ru: 'работает медленно', en: 'is slow' },
  under_maintenance: { kk: 'техникалық қызмет көрсетуде', ru: 'на обслуживании', en: 'is under maintenance' },
  operational: { kk: 'тұрақсыз жұмыс істейді', ru: 'работает нестабильно', en: 'is unstable' },
};
const FLAPPING: LocalizedText = {
  kk: 'тұрақсыз жұмыс істейді',
  ru: 'работает нестабильно',
  en: 'is unstable',
};

/** The incident's title in kk/ru/en, from the system's names and the status it opened with. */
export function incidentTitle(system: SystemRef, status: PublicStatus, flapping: boolean): LocalizedText {
  const what = flapping ? FLAPPING : WHAT[status];
  return {
    kk: `${system.names.kk} ${what.kk}`,
    ru: `${system.names.ru}: ${what.ru}`,
    en: `${system.names.en} ${what.en}`,
  };
}
