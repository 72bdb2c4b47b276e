import { escapeHtml } from '../../notifications/templates/escape-html';
import { SUBSCRIPTION_PHRASES, type SubscriptionPhrases } from '../subscription-phrases';
import type { SubscriptionLanguage } from '../subscription-record';

/** What a confirmation or unsubscribe link led to. */
export type SubscriptionPageKind = 'confirmed' | 'cancelled' | 'expired' | 'unknown' | 'unsubscribe' | 'unsubscribed';

const MESSAGE: Record<SubscriptionPageKind, keyof SubscriptionPhrases> = {
  confirmed: 'pageConfirmed',
  cancelled: 'pageCancelled',
  expired: 'pageExpired',
  unknown: 'pageUnknown',
  unsubscribe: 'pageUnsubscribeAsk',
  unsubscribed: 'pageUnsubscribed',
};

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
export function subscriptionPage(kind: SubscriptionPageKind, language: SubscriptionLanguage | null, formAction?: string): string {
  const first = language ?? 'kk';
  const order = [first, ...LANGUAGES.filter((l) => l !== first)];
  const sections = order
    .map((l) => `<p lang="${l}">${escapeHtml(String(SUBSCRIPTION_PHRASES[l][MESSAGE[kind]]))}</p>`)
    .join('\n');
  const form =
    kind === 'unsubscribe' && formAction
      ? `\n<form method="post" action="${escapeHtml(formAction)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${escapeHtml(
          order.map((l) => SUBSCRIPTION_PHRASES[l].pageUnsubscribeButton).join(' / '),
        )}</button></form>`
      : '';
  return `<!doctype html>
<html lang="${first}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Kuzet</title></head>
<body><main>
${sections}${form}
</main></body>
</html>`;
}
