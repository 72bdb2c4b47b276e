import type { LocalizedText } from '../incidents/incident-record';
import type { PublicIncidentEvent, PublicIncidentEventKind, SubscriptionLanguage } from './subscription-record';

/** The words of subscriber messages and pages, per language. */
export interface SubscriptionPhrases {
  confirmSubject: string;
  confirmIntro: (scope: string) => string;
  confirmAction: string;
  confirmIgnore: string;
  scopeAll: string;
  scopeAgency: (agency: string) => string;
  kind: Record<PublicIncidentEventKind, string>;
  publicState: Record<PublicIncidentEvent['publicState'], string>;
  system: string;
  agency: string;
  status: string;
  started: string;
  resolved: string;
  details: string;
  unsubscribe: string;
  why: (scope: string) => string;
  pageConfirmed: string;
  pageUnsubscribeAsk: string;
  pageUnsubscribeButton: string;
  pageUnsubscribed: string;
  pageCancelled: string;
  pageUnknown: string;
  pageExpired: string;
  pageSent: string;
  pageInvalid: string;
  pageLimited: string;
  pageNotPublic: string;
  pageBack: string;
}

export const SUBSCRIPTION_PHRASES: Record<SubscriptionLanguage, SubscriptionPhrases> = {
  en: {
    confirmSubject: 'Confirm your Kuzet status subscription',
    confirmIntro: (scope) => `Someone, hopefully you, asked for Kuzet status updates about ${scope} at this address.`,
    confirmAction: 'Confirm the subscription:',
    confirmIgnore: 'If it was not you, ignore this message: nothing more will be sent.',
    scopeAll: 'all public systems',
    scopeAgency: (agency) => `the systems of ${agency}`,
    kind: { opened: 'New incident', reopened: 'Incident reopened', public_update: 'Update', resolved: 'Resolved' },
    publicState: { investigating: 'Investigating', identified: 'Identified', monitoring: 'Monitoring', resolved: 'Resolved' },
    system: 'System',
    agency: 'Agency',
    status: 'Status',
    started: 'Started',
    resolved: 'Resolved',
    details: 'Details',
    unsubscribe: 'Unsubscribe',
    why: (scope) => `You receive this because you subscribed to ${scope}.`,
    pageConfirmed: 'Your subscription is confirmed.',
    pageUnsubscribeAsk: 'Stop receiving these status updates?',
    pageUnsubscribeButton: 'Unsubscribe',
    pageUnsubscribed: 'You are unsubscribed. No more updates will be sent.',
    pageCancelled: 'This subscription was cancelled. Subscribe again to receive updates.',
    pageUnknown: 'This link is not valid.',
    pageExpired: 'This confirmation link has expired. Subscribe again.',
    pageSent: 'Almost done: open the link we sent to this address to confirm the subscription. If nothing arrives, check the spam folder.',
    pageInvalid: 'The form has a mistake; go back and correct it.',
    pageLimited: 'Too many sign-ups in a short time. Try again later.',
    pageNotPublic: 'There is no public system or agency with that name.',
    pageBack: 'Back to the form',
  },
  ru: {
    confirmSubject: 'Подтвердите подписку на статус Kuzet',
    confirmIntro: (scope) => `Кто-то, надеемся, вы, попросил присылать на этот адрес обновления статуса Kuzet: ${scope}.`,
    confirmAction: 'Подтвердить подписку:',
    confirmIgnore: 'Если это были не вы, просто проигнорируйте письмо: больше писем не будет.',
    scopeAll: 'все публичные системы',
    scopeAgency: (agency) => `системы ведомства ${agency}`,
    kind: { opened: 'Новый инцидент', reopened: 'Инцидент возобновлён', public_update: 'Обновление', resolved: 'Решено' },
    publicState: { investigating: 'Выясняем причину', identified: 'Причина установлена', monitoring: 'Наблюдаем', resolved: 'Решено' },
    system: 'Система',
    agency: 'Ведомство',
    status: 'Статус',
    started: 'Начало',
    resolved: 'Решено',
    details: 'Подробнее',
    unsubscribe: 'Отписаться',
    why: (scope) => `Вы получили это письмо, потому что подписались: ${scope}.`,
    pageConfirmed: 'Подписка подтверждена.',
    pageUnsubscribeAsk: 'Больше не получать обновления статуса?',
    pageUnsubscribeButton: 'Отписаться',
    pageUnsubscribed: 'Вы отписались. Обновления больше не придут.',
    pageCancelled: 'Эта подписка отменена. Подпишитесь заново, чтобы получать обновления.',
    pageUnknown: 'Эта ссылка недействительна.',
    pageExpired: 'Срок действия ссылки истёк. Подпишитесь заново.',
    pageSent: 'Почти готово: откройте ссылку, которую мы отправили на этот адрес, чтобы подтвердить подписку. Если письма нет, проверьте папку «Спам».',
    pageInvalid: 'В форме ошибка; вернитесь и исправьте её.',
    pageLimited: 'Слишком много подписок за короткое время. Попробуйте позже.',
    pageNotPublic: 'Публичной системы или ведомства с таким именем нет.',
    pageBack: 'Вернуться к форме',
  },
  kk: {
    confirmSubject: 'Kuzet мәртебесіне жазылуды растаңыз',
    confirmIntro: (scope) => `Біреу, сіз деп үміттенеміз, осы мекенжайға Kuzet мәртебе жаңартуларын жіберуді сұрады: ${scope}.`,
    confirmAction: 'Жазылуды растау:',
    confirmIgnore: 'Бұл сіз болмасаңыз, хатты елемеңіз: басқа хат жіберілмейді.',
    scopeAll: 'барлық ашық жүйелер',
    scopeAgency: (agency) => `${agency} жүйелері`,
    kind: { opened: 'Жаңа инцидент', reopened: 'Инцидент қайта ашылды', public_update: 'Жаңарту', resolved: 'Шешілді' },
    publicState: { investigating: 'Себебі анықталуда', identified: 'Себебі анықталды', monitoring: 'Бақылауда', resolved: 'Шешілді' },
    system: 'Жүйе',
    agency: 'Мекеме',
    status: 'Мәртебе',
    started: 'Басталды',
    resolved: 'Шешілді',
    details: 'Толығырақ',
    unsubscribe: 'Жазылымнан бас тарту',
    why: (scope) => `Бұл хат сіз жазылғандықтан келді: ${scope}.`,
    pageConfirmed: 'Жазылым расталды.',
    pageUnsubscribeAsk: 'Мәртебе жаңартуларын бұдан былай алмайсыз ба?',
    pageUnsubscribeButton: 'Бас тарту',
    pageUnsubscribed: 'Жазылымнан бас тарттыңыз. Жаңартулар енді келмейді.',
    pageCancelled: 'Бұл жазылым тоқтатылған. Жаңартуларды алу үшін қайта жазылыңыз.',
    pageUnknown: 'Бұл сілтеме жарамсыз.',
    pageExpired: 'Растау сілтемесінің мерзімі өтті. Қайта жазылыңыз.',
    pageSent: 'Аз қалды: жазылымды растау үшін осы мекенжайға жіберілген сілтемені ашыңыз. Хат келмесе, «Спам» қалтасын тексеріңіз.',
    pageInvalid: 'Пішінде қате бар; оралып, түзетіңіз.',
    pageLimited: 'Қысқа уақытта тым көп жазылым. Кейінірек қайталаңыз.',
    pageNotPublic: 'Мұндай атаулы ашық жүйе немесе мекеме жоқ.',
    pageBack: 'Пішінге оралу',
  },
};

/** The text in the reader's language, else in another one that is filled in. */
export function inLanguage(text: LocalizedText, language: SubscriptionLanguage): string {
  return text[language] || text.ru || text.en || text.kk;
}
