import type { LocalizedText } from '@kuzet/contracts/catalog/localized-text.schema';
import type { PublicStatusSummary } from '@kuzet/contracts/public/public-api.dto';
import type { PublicText } from './public-i18n';

/** Where the form posts: a plain HTML form, so it works with scripts off (the server answers a page). */
export const SUBSCRIBE_FORM_ACTION = '/api/public/v1/subscriptions/form';

/** The form's `scope` field: "all", "agency:{code}" or "system:{code}". */
export function scopeValue(route: { system: string | null; agency: string | null }): string {
  if (route.system) return `system:${route.system}`;
  if (route.agency) return `agency:${route.agency}`;
  return 'all';
}

/** The e-mail sign-up: an address and what to follow; double opt-in is done by the server. */
export function SubscribeForm({
  summary,
  route,
  text,
}: {
  summary: PublicStatusSummary;
  route: { system: string | null; agency: string | null };
  text: PublicText;
}) {
  const byName = (a: { name: LocalizedText }, b: { name: LocalizedText }) => text.pick(a.name).localeCompare(text.pick(b.name), text.lang);
  return (
    <section aria-labelledby="subscribe-heading" data-testid="subscribe">
      <h2 id="subscribe-heading">{text.t('subscribeTitle')}</h2>
      <p>{text.t('subscribeIntro')}</p>
      <form method="post" action={SUBSCRIBE_FORM_ACTION} className="subscribe-form">
        <input type="hidden" name="language" value={text.lang} />
        <p>
          <label htmlFor="subscribe-email">{text.t('subscribeEmail')}</label>
          <br />
          <input id="subscribe-email" name="email" type="email" required maxLength={254} autoComplete="email" inputMode="email" />
        </p>
        <p>
          <label htmlFor="subscribe-scope">{text.t('subscribeScope')}</label>
          <br />
          <select id="subscribe-scope" name="scope" defaultValue={scopeValue(route)}>
            <option value="all">{text.t('subscribeAll')}</option>
            <optgroup label={text.t('subscribeAgencies')}>
              {[...summary.agencies].sort(byName).map((a) => (
                <option key={a.code} value={`agency:${a.code}`}>{text.pick(a.name)}</option>
              ))}
            </optgroup>
            <optgroup label={text.t('subscribeSystems')}>
              {[...summary.systems].sort(byName).map((s) => (
                <option key={s.code} value={`system:${s.code}`}>{text.pick(s.name)}</option>
              ))}
            </optgroup>
          </select>
        </p>
        <p>
          <button type="submit">{text.t('subscribeSubmit')}</button>
        </p>
        <p className="muted small">{text.t('subscribePrivacy')}</p>
      </form>
    </section>
  );
}
