import type { PublicLanguage, PublicStatus, PublicUpdate } from '@kuzet/contracts';

type Words<K extends string> = Record<PublicLanguage, Record<K, string>>;

/** Status words of feeds and badges (the pages have their own i18n catalogue). */
export const STATUS_WORDS: Words<PublicStatus | 'unknown'> = {
  kk: {
    operational: 'Қалыпты жұмыс істейді',
    degraded_performance: 'Баяу жұмыс істейді',
    partial_outage: 'Ішінара істен шықты',
    major_outage: 'Істен шықты',
    under_maintenance: 'Техникалық қызмет көрсету',
    unknown: 'Дерек жоқ',
  },
  ru: {
    operational: 'Работает штатно',
    degraded_performance: 'Работает медленно',
    partial_outage: 'Частичный сбой',
    major_outage: 'Не работает',
    under_maintenance: 'Плановые работы',
    unknown: 'Нет данных',
  },
  en: {
    operational: 'Operational',
    degraded_performance: 'Degraded performance',
    partial_outage: 'Partial outage',
    major_outage: 'Major outage',
    under_maintenance: 'Under maintenance',
    unknown: 'No data',
  },
};

export const STATE_WORDS: Words<PublicUpdate['public_state']> = {
  kk: { investigating: 'Зерттелуде', identified: 'Себебі анықталды', monitoring: 'Бақылауда', resolved: 'Шешілді' },
  ru: { investigating: 'Выясняем причину', identified: 'Причина найдена', monitoring: 'Наблюдаем', resolved: 'Решено' },
  en: { investigating: 'Investigating', identified: 'Identified', monitoring: 'Monitoring', resolved: 'Resolved' },
};

export const LABELS: Words<'feedTitle' | 'status' | 'uptime' | 'licence'> = {
  kk: {
    feedTitle: 'Kuzet: мемлекеттік қызметтердің күйі',
    status: 'күйі',
    uptime: 'қолжетімділік',
    licence: 'Деректер CC BY 4.0 лицензиясымен',
  },
  ru: {
    feedTitle: 'Kuzet: состояние государственных сервисов',
    status: 'статус',
    uptime: 'доступность',
    licence: 'Данные по лицензии CC BY 4.0',
  },
  en: {
    feedTitle: 'Kuzet: state service status',
    status: 'status',
    uptime: 'uptime',
    licence: 'Data under CC BY 4.0',
  },
};
