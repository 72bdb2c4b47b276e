import { useEffect } from 'react';
import { api } from '../../api/api-client';
import { t, tk } from '../../i18n';
import { usePrefs } from '../prefs/prefs-store';
import { useIncident, useViewer } from '../store/board-context';
import { useAsync } from '../use-async';
import { DeliveryLog } from './DeliveryLog';
import { formatTime } from './format';
import { NoteForm } from './NoteForm';
import { PublicUpdateForm } from './PublicUpdateForm';
import { StatusBadge } from './StatusBadge';

/** One incident's details: timeline, internal note, public update. Reloads its timeline on live changes. */
export function IncidentPanel({ id, onClose }: { id: number; onClose: () => void }) {
  const { lang } = usePrefs();
  const incident = useIncident(id);
  const viewer = useViewer();
  const detail = useAsync(() => api.incident(id), [id, incident]);
  const deliveries = useAsync(() => api.notifications(id), [id, incident]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const shown = incident ?? detail.data;
  if (!shown) return null;
  const canAct = viewer.canAct(shown.agency);
  return (
    <aside className="panel" role="dialog" aria-label={`${t(lang, 'details')}: ${shown.title[lang]}`} data-testid="incident-panel">
      <header className="panel-head">
        <h2>{shown.title[lang]}</h2>
        <button onClick={onClose} aria-label={t(lang, 'close')}>✕</button>
      </header>
      <dl className="kv">
        <div><dt>{t(lang, 'system')}</dt><dd>{shown.system}</dd></div>
        <div><dt>{t(lang, 'agency')}</dt><dd>{shown.agency}</dd></div>
        <div><dt>{t(lang, 'status')}</dt><dd><StatusBadge status={shown.status} /></dd></div>
        <div><dt>{t(lang, 'severity')}</dt><dd>{tk(lang, `sev.${shown.severity}`)}</dd></div>
        <div><dt>{t(lang, 'state')}</dt><dd>{tk(lang, `inc.${shown.state}`)}</dd></div>
        <div><dt>{t(lang, 'publicState')}</dt><dd>{tk(lang, `pub.${shown.public_state}`)}</dd></div>
        <div><dt>{t(lang, 'opened')}</dt><dd>{formatTime(shown.opened_at, lang)}</dd></div>
      </dl>
      <h3>{t(lang, 'timeline')}</h3>
      {detail.error && <p role="alert" className="error">{t(lang, 'loadFailed')}: {detail.error}</p>}
      <ol className="timeline" data-testid="incident-timeline">
        {detail.data?.timeline.map((e) => (
          <li key={e.id}>
            <time dateTime={e.at}>{formatTime(e.at, lang)}</time> <strong>{e.kind}</strong> · {e.actor}
            {typeof e.data.text === 'string' && <div className="note-text">{e.data.text}</div>}
          </li>
        ))}
      </ol>
      <h3>{t(lang, 'notifications')}</h3>
      {deliveries.error && <p role="alert" className="error">{t(lang, 'loadFailed')}: {deliveries.error}</p>}
      {deliveries.data && <DeliveryLog entries={deliveries.data} />}
      {canAct && (
        <>
          <NoteForm id={id} onDone={detail.reload} />
          <PublicUpdateForm incident={shown} onDone={detail.reload} />
        </>
      )}
    </aside>
  );
}
