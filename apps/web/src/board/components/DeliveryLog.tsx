import type { DeliveryLogEntry } from '../../api/api-types';
import { t, tk } from '../../i18n';
import { usePrefs } from '../prefs/prefs-store';
import { formatTime } from './format';

/** Who was told what, when, over which channel, and the outcome (one row per notification). */
export function DeliveryLog({ entries, onRetry }: { entries: readonly DeliveryLogEntry[]; onRetry?: (id: number) => void }) {
  const { lang } = usePrefs();
  if (entries.length === 0) return <p className="empty">{t(lang, 'noNotifications')}</p>;
  return (
    <table className="results" data-testid="delivery-log">
      <thead>
        <tr>
          <th>{t(lang, 'time')}</th>
          <th>{t(lang, 'channel')}</th>
          <th>{t(lang, 'recipient')}</th>
          <th>{t(lang, 'message')}</th>
          <th>{t(lang, 'outcome')}</th>
          <th>{t(lang, 'attempts')}</th>
          {onRetry && <th />}
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id} data-testid="delivery-row" data-state={e.state} data-channel={e.channel} data-kind={e.kind}>
            <td><time dateTime={e.sent_at ?? e.created_at}>{formatTime(e.sent_at ?? e.created_at, lang)}</time></td>
            <td>{tk(lang, `chan.${e.channel}`)}</td>
            <td>{e.recipient}</td>
            <td>{e.subject}</td>
            <td>
              {tk(lang, `ntf.${e.state}`)}
              {e.last_error && e.state !== 'sent' && <em> ({e.last_error})</em>}
            </td>
            <td>{e.attempts}</td>
            {onRetry && (
              <td>
                <button data-testid="retry-notification" onClick={() => onRetry(e.id)}>{t(lang, 'retry')}</button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
