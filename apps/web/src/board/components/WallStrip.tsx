import { t } from '../../i18n';
import { usePrefs } from '../prefs/prefs-store';
import { ConnectionIndicator } from './ConnectionIndicator';

/** The only chrome in wall mode: brand, connection state, how to leave. */
export function WallStrip() {
  const { lang } = usePrefs();
  return (
    <div className="wall-strip">
      <span className="brand">Kuzet</span>
      <ConnectionIndicator />
      <span className="muted">{t(lang, 'wallExit')}</span>
    </div>
  );
}
