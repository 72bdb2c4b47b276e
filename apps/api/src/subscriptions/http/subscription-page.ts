import { escapeHtml } from '../../notifications/templates/escape-html';
import { SUBSCRIPTION_PHRASES, type SubscriptionPhrases } from '../subscription-phrases';
import type { SubscriptionLanguage } from '../subscription-record';

/** What a confirmation or unsubscribe link, or the sign-up form, led to. */
export type SubscriptionPageKind =
  | 'confirmed'
  | 'cancelled'
  | 'expired'
  | 'unknown'
  | 'unsubscribe'
  | 'unsubscribed'
  | 'sent'
  | 'invalid'
  | 'limited'
  | 'not_public';

const MESSAGE: Record<SubscriptionPageKind, keyof SubscriptionPhrases> = {
  confirmed: 'pageConfirmed',
  cancelled: 'pageCancelled',
  expired: 'pageExpired',
  unknown: 'pageUnknown',
  unsubscribe: 'pageUnsubscribeAsk',
  unsubscribed: 'pageUnsubscribed',
  sent: 'pageSent',
  invalid: 'pageInvalid',
  limited: 'pageLimited',
  not_public: 'pageNotPublic',
};

/** Extras of the sign-up form's answer: what was wrong (field names), and the way back to the form. */
export interface SubscriptionPageExtras {
  formAction?: string;
  problems?: readonly { field: string; message: string }[];
  backHref?: string;
}

const LANGUAGES: SubscriptionLanguage[] = ['kk', 'ru', 'en'];

/** A JSON answer when the client asks for JSON rather than HTML. */
export function wantsJson(accept: string | undefined): boolean {
  const value = (accept ?? '').toLowerCase();
  return value.includes('application/json') && !value.includes('text/html');
}

/**
 * A small page that reads without scripts, in the three languages, the subscriber's first. The
 * unsubscribe question has a button that POSTs to the same link: a GET never unsubscribes, because
 * mail scanners open links (RFC 8058 one-click is the POST).
 */
export function subscriptionPage(kind: SubscriptionPageKind, language: SubscriptionLanguage | null, extras: SubscriptionPageExtras = {}): string {
  const first = language ?? 'kk';
  const order = [first, ...LANGUAGES.filter((l) => l !== first)];
  const sections = order
    .map((l) => `<p lang="${l}">${escapeHtml(String(SUBSCRIPTION_PHRASES[l][MESSAGE[kind]]))}</p>`)
    .join('\n');
  const form =
    kind === 'unsubscribe' && extras.formAction
      ? `\n<form method="post" action="${escapeHtml(extras.formAction)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${escapeHtml(
          order.map((l) => SUBSCRIPTION_PHRASES[l].pageUnsubscribeButton).join(' / '),
        )}</button></form>`
      : '';
  const problems = extras.problems?.length
    ? `\n<ul lang="en">${extras.problems.map((p) => `<li>${escapeHtml(p.field)}: ${escapeHtml(p.message)}</li>`).join('')}</ul>`
    : '';
  const back = extras.backHref ? `\n<p lang="${first}"><a href="${escapeHtml(extras.backHref)}">${escapeHtml(SUBSCRIPTION_PHRASES[first].pageBack)}</a></p>` : '';
  return `<!doctype html>
<html lang="${first}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Kuzet</title></head>
<body><main>
${sections}${problems}${form}${back}
</main></body>
</html>`;
}
