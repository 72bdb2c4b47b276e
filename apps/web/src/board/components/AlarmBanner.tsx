import { useSyncExternalStore } from 'react';
import { t } from '../../i18n';
import type { Alarm } from '../alarm/alarm';
import { usePrefs } from '../prefs/prefs-store';

export function AlarmBanner({ alarm }: { alarm: Alarm }) {
  const { lang, wall } = usePrefs();
  const active = useSyncExternalStore((l) => alarm.subscribe(l), () => alarm.active);
  if (!active) return null;
  return (
    <div className="alarm-banner" role="alert" data-testid="alarm-banner">
      ⚠ {t(lang, 'alarm')}
      {!wall && <button onClick={() => alarm.silence()}>{t(lang, 'silence')}</button>}
    </div>
  );
}
