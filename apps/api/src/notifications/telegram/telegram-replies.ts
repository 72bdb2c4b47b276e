import type { AlertLanguage } from '../channels/notification-channel';

/** What the bot answers, in the language of the alert (or of the Telegram user). */
export interface TelegramReplies {
  acknowledged: (count: number) => string;
  nothingToAcknowledge: string;
  notLinked: string;
  notAllowed: string;
  unknownButton: string;
  linked: (email: string) => string;
  badCode: string;
  startHelp: string;
}

export const TELEGRAM_REPLIES: Record<AlertLanguage, TelegramReplies> = {
  en: {
    acknowledged: (n) => (n === 1 ? 'Acknowledged.' : `Acknowledged: ${n} incidents.`),
    nothingToAcknowledge: 'Already acknowledged or resolved.',
    notLinked: 'Your Telegram account is not linked to Kuzet. Signed in to Kuzet, get a link code (POST /api/notifications/telegram/link-code) and send /start <code> to this bot.',
    notAllowed: 'Your Kuzet account may not acknowledge these incidents.',
    unknownButton: 'This button is no longer valid.',
    linked: (email) => `Linked to the Kuzet user ${email}. The "Acknowledge" buttons now act for you.`,
    badCode: 'This link code is unknown, used or expired. Get a new one from Kuzet.',
    startHelp: 'To link your Kuzet account, get a link code from Kuzet (POST /api/notifications/telegram/link-code) and send /start <code>.',
  },
  ru: {
    acknowledged: (n) => (n === 1 ? 'Подтверждено.' : `Подтверждено инцидентов: ${n}.`),
    nothingToAcknowledge: 'Уже подтверждено или устранено.',
    notLinked: 'Ваш аккаунт Telegram не привязан к Kuzet. Войдя в Kuzet, получите код привязки (POST /api/notifications/telegram/link-code) и отправьте боту /start <код>.',
    notAllowed: 'Ваша учётная запись Kuzet не может подтверждать эти инциденты.',
    unknownButton: 'Эта кнопка больше не действует.',
    linked: (email) => `Привязано к пользователю Kuzet ${email}. Кнопки «Подтвердить» теперь действуют от вашего имени.`,
    badCode: 'Код привязки неизвестен, использован или истёк. Получите новый в Kuzet.',
    startHelp: 'Чтобы привязать учётную запись Kuzet, получите код привязки в Kuzet (POST /api/notifications/telegram/link-code) и отправьте /start <код>.',
  },
  kk: {
    acknowledged: (n) => (n === 1 ? 'Расталды.' : `Расталған оқиғалар: ${n}.`),
    nothingToAcknowledge: 'Бұрын расталған немесе жойылған.',
    notLinked: 'Telegram аккаунтыңыз Kuzet-ке байланыстырылмаған. Kuzet-ке кіріп, байланыстыру кодын алып (POST /api/notifications/telegram/link-code), ботқа /start <код> жіберіңіз.',
    notAllowed: 'Kuzet тіркелгіңіз бұл оқиғаларды растай алмайды.',
    unknownButton: 'Бұл түйме енді жарамсыз.',
    linked: (email) => `Kuzet пайдаланушысы ${email} байланыстырылды. «Растау» түймелері енді сіздің атыңыздан әрекет етеді.`,
    badCode: 'Байланыстыру коды белгісіз, пайдаланылған немесе мерзімі өткен. Kuzet-тен жаңасын алыңыз.',
    startHelp: 'Kuzet тіркелгіңізді байланыстыру үшін Kuzet-тен код алып (POST /api/notifications/telegram/link-code), /start <код> жіберіңіз.',
  },
};

/** The language of a Telegram user's app, when it is one Kuzet speaks (else English). */
export function replyLanguage(languageCode: string | undefined): AlertLanguage {
  const base = (languageCode ?? '').slice(0, 2).toLowerCase();
  return base === 'kk' || base === 'ru' ? base : 'en';
}
