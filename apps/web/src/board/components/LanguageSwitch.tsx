import { LANGS, t } from '../../i18n';
import { setPrefs, usePrefs } from '../prefs/prefs-store';

export function LanguageSwitch() {
  const { lang } = usePrefs();
  return (
    <div className="langs" role="group" aria-label={t(lang, 'language')} data-testid="language-switch">
      {LANGS.map((l) => (
        <button key={l} lang={l} data-lang={l} onClick={() => setPrefs({ lang: l })} aria-pressed={l === lang}>{l.toUpperCase()}</button>
      ))}
    </div>
  );
}
