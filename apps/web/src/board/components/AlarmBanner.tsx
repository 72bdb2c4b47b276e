import { useSyncExternalStore } from 'react';
import { t } from '../../i18n';
import type { Alarm } from '../alarm/alarm';
import { setPrefs, usePrefs } from '../prefs/prefs-store';

/**
 * The visual alarm (until the incidents are acknowledged, or the alarm itself off the wall), and,
 * whenever the browser blocks the sound and it is not muted, the "enable sound" control: its
 * click is the gesture that lets the audio start; the choice (sound on) is remembered.
 */
export function AlarmBanner({ alarm }: { alarm: Alarm }) {
  const { lang, wall, muted } = usePrefs();
  const active = useSyncExternalStore((l) => alarm.subscribe(l), () => alarm.active);
  const sound = useSyncExternalStore((l) => alarm.subscribe(l), () => alarm.sound);
  const blocked = sound === 'blocked' && !muted;
  if (!active && !blocked) return null;
  const enable = () => {
    setPrefs({ muted: false });
    alarm.enableSound();
  };
  return (
    <div className="alarm-area">
      {blocked && (
        <div className="sound-blocked" role="status" data-testid="sound-blocked">
          {t(lang, 'soundBlocked')}{' '}
          <button className="enable-sound" data-testid="enable-sound" onClick={enable}>
            ♪ {t(lang, 'enableSound')}
          </button>
        </div>
      )}
      {active && (
        <div className="alarm-banner" role="alert" data-testid="alarm-banner" title={t(lang, 'alarmUntilAck')}>
          ⚠ {t(lang, 'alarm')}
          {!wall && <button data-testid="alarm-silence" onClick={() => alarm.silence()}>{t(lang, 'silence')}</button>}
        </div>
      )}
    </div>
  );
}
