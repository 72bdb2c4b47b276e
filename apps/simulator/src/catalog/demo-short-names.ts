import { LocalizedName } from '../fleet/fleet.types';

/**
 * Short names of the reference fleet's systems (kz-fleet.yaml has full names only), written by
 * hand for the board's tiles and wall display: a word or two a duty officer reads at a glance,
 * never a cut-off full name. A system missing here gets no short name (the board then shows the
 * full name).
 */
export const DEMO_SHORT_NAMES: Readonly<Record<string, LocalizedName>> = {
  'egov-gateway': { kk: 'ЭҮ шлюзі', ru: 'Шлюз ЭП', en: 'eGov gateway' },
  'smart-bridge': { kk: 'Smart Bridge', ru: 'Smart Bridge', en: 'Smart Bridge' },
  'pay-gateway': { kk: 'Төлем шлюзі', ru: 'Платёжный шлюз', en: 'Payment gateway' },
  'gbd-fl': { kk: 'МДҚ ЖТ', ru: 'ГБД ФЛ', en: 'SDB Individuals' },
  'gbd-ul': { kk: 'МДҚ ЗТ', ru: 'ГБД ЮЛ', en: 'SDB Legal entities' },
  'gbd-rn': { kk: 'МДҚ ЖМТ', ru: 'ГБД РН', en: 'SDB Real estate' },
  'nca-ocsp': { kk: 'ҰКО OCSP', ru: 'OCSP НУЦ', en: 'NCA OCSP' },
  'nca-portal': { kk: 'ҰКО порталы', ru: 'Портал НУЦ', en: 'NCA portal' },
  'egov-portal': { kk: 'eGov.kz', ru: 'eGov.kz', en: 'eGov.kz' },
  'egov-mobile': { kk: 'eGov Mobile', ru: 'eGov Mobile', en: 'eGov Mobile' },
  'egov-business': { kk: 'eGov Business', ru: 'eGov Business', en: 'eGov Business' },
  'e-otinish': { kk: 'e-Otinish', ru: 'e-Otinish', en: 'e-Otinish' },
  'open-gov': { kk: 'Ашық үкімет', ru: 'Открытое правительство', en: 'Open Government' },
  'gov-kz': { kk: 'gov.kz', ru: 'gov.kz', en: 'gov.kz' },
  'e-licensing': { kk: 'Е-лицензиялау', ru: 'Е-лицензирование', en: 'e-Licensing' },
  'salyk-cabinet': { kk: 'Салық кабинеті', ru: 'Кабинет НП', en: 'Taxpayer Cabinet' },
  esf: { kk: 'ЭШФ', ru: 'ЭСФ', en: 'ESF invoices' },
  'astana-1': { kk: 'Астана-1', ru: 'Астана-1', en: 'Astana-1' },
  goszakup: { kk: 'Мемсатып алу', ru: 'Госзакупки', en: 'Procurement' },
  damumed: { kk: 'Damumed', ru: 'Damumed', en: 'Damumed' },
  'fsms-portal': { kk: 'ӘМСҚ порталы', ru: 'Портал ФСМС', en: 'SHIF portal' },
  'family-card': { kk: 'Отбасы картасы', ru: 'Карта семьи', en: 'Family Card' },
  enbek: { kk: 'Enbek.kz', ru: 'Enbek.kz', en: 'Enbek.kz' },
  esutd: { kk: 'ЕШЕБЖ', ru: 'ЕСУТД', en: 'Job contracts' },
  enpf: { kk: 'БЖЗҚ кабинеті', ru: 'Кабинет ЕНПФ', en: 'Pension account' },
  adilet: { kk: 'Әділет', ru: 'Әділет', en: 'Adilet' },
  'e-notariat': { kk: 'Е-нотариат', ru: 'Е-нотариат', en: 'e-Notariat' },
  'sud-cabinet': { kk: 'Сот кабинеті', ru: 'Судебный кабинет', en: 'e-Court' },
  qamqor: { kk: 'Құқықтық стат.', ru: 'Правовая стат.', en: 'Legal statistics' },
  'stat-portal': { kk: 'Stat.gov.kz', ru: 'Stat.gov.kz', en: 'Stat.gov.kz' },
  'e-stat': { kk: 'e-Stat есептілік', ru: 'e-Stat отчётность', en: 'e-Stat reports' },
  nobd: { kk: 'ҰББДҚ', ru: 'НОБД', en: 'Education DB' },
  'kindergarten-queue': { kk: 'Балабақша кезегі', ru: 'Очередь в садик', en: 'Kindergarten queue' },
  'digital-tenge': { kk: 'Цифрлық теңге', ru: 'Цифровой тенге', en: 'Digital Tenge' },
  mspd: { kk: 'БАЖ', ru: 'МСПД', en: 'Interbank transfers' },
  'smart-astana': { kk: 'Smart Astana', ru: 'Smart Astana', en: 'Smart Astana' },
  'visa-migration': { kk: 'Виза-көші-қон', ru: 'Визы и миграция', en: 'Visa & migration' },
};
