import { api } from '../../api/api-client';
import { t } from '../../i18n';
import { usePrefs } from '../prefs/prefs-store';
import { useAction } from '../use-action';
import { useAsync } from '../use-async';
import { DeliveryLog } from './DeliveryLog';

/** /board/dead-letters (admin, duty officer): notifications given up on, each with a retry. */
export function DeadLettersPage() {
  const { lang } = usePrefs();
  const list = useAsync(() => api.deadLetters(), []);
  const action = useAction();
  const retry = (id: number) => action.run(async () => {
    await api.retryNotification(id);
    list.reload();
  });
  return (
    <section className="dead-letters" data-testid="dead-letters">
      <h2>{t(lang, 'deadLetters')}</h2>
      {list.error && <p role="alert" className="error">{t(lang, 'loadFailed')}: {list.error}</p>}
      {action.error && <p role="alert" className="error">{t(lang, 'actionFailed')}: {action.error}</p>}
      {list.data && (list.data.length === 0 ? <p className="empty">{t(lang, 'noDeadLetters')}</p> : <DeliveryLog entries={list.data} onRetry={retry} />)}
    </section>
  );
}
