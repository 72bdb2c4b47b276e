export type Lang = 'kk' | 'ru' | 'en';
export const LANGS: Lang[] = ['kk', 'ru', 'en'];

const messages = {
  title: { kk: 'Мемлекеттік цифрлық жүйелердің күйі', ru: 'Состояние государственных цифровых систем', en: 'State digital systems status' },
  board: { kk: 'Кезекші тақтасы', ru: 'Панель дежурного', en: 'Duty board' },
  admin: { kk: 'Әкімшілік', ru: 'Администрирование', en: 'Administration' },
  status: { kk: 'Күй', ru: 'Статус', en: 'Status' },
  systems: { kk: 'Бақылаудағы жүйелер', ru: 'Систем под наблюдением', en: 'Systems under watch' },
  agencies: { kk: 'Мекемелер', ru: 'Ведомств', en: 'Agencies' },
  storage: { kk: 'Сақтау режимі', ru: 'Режим хранения', en: 'Storage mode' },
  loading: { kk: 'Жүктелуде…', ru: 'Загрузка…', en: 'Loading…' },
  unavailable: { kk: 'Қызмет қолжетімсіз', ru: 'Сервис недоступен', en: 'Service unavailable' },
  shell: {
    kk: 'Бұл — алғашқы нұсқа: тақта, мәртебе беті және әкімшілік келесі кезеңдерде толтырылады.',
    ru: 'Это первая версия: панель, страница статуса и администрирование наполняются на следующих этапах.',
    en: 'This is the first shell: the board, the status page and administration are filled in by later work.',
  },
} satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof messages;
export const t = (lang: Lang, key: MessageKey): string => messages[key][lang];

export function initialLang(): Lang {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('kuzet.lang') : null;
  return (LANGS as string[]).includes(saved ?? '') ? (saved as Lang) : 'ru';
}
