import { LANGS, t, tk } from '../../i18n';
import type { PublishedUpdate } from '../model/incident-timeline';
import { actorName } from '../model/incident-timeline';
import { usePrefs } from '../prefs/prefs-store';
import { formatTime } from './format';

/** The public updates citizens saw: when, which public state, the text in each language. */
export function PublishedUpdates({ updates }: { updates: readonly PublishedUpdate[] }) {
  const { lang } = usePrefs();
  return (
    <section className="published-updates" data-testid="published-updates">
      <h3>{t(lang, 'publicUpdates')}</h3>
      {updates.length === 0 && <p className="empty">{t(lang, 'noPublicUpdates')}</p>}
      <ol>
        {updates.map((u) => (
          <li key={u.id} data-testid="published-update">
            <time dateTime={u.at}>{formatTime(u.at, lang)}</time> <strong>{tk(lang, `pub.${u.publicState}`)}</strong> · {actorName(lang, u.actor)}
            <dl>
              {LANGS.map((l) => (
                <div key={l} lang={l}>
                  <dt>{tk(lang, `lang.${l}`)}</dt>
                  <dd>{u.text[l]}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ol>
    </section>
  );
}
