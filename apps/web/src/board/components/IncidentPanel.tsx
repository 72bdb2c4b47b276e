import { useEffect } from 'react';
import { api } from '../../api/api-client';
import { t, tk } from '../../i18n';
import { cachedDependentsIndex, downstreamOf } from '../model/dependencies';
import { causeLine } from '../model/incident-cause';
import { durationLabel } from '../model/incident-duration';
import { actorName, publishedUpdates, timelineText } from '../model/incident-timeline';
import { usePrefs } from '../prefs/prefs-store';
import { useCatalog, useIncident, useViewer } from '../store/board-context';
import { useAsync } from '../use-async';
import { useNow } from '../use-now';
import { DeliveryLog } from './DeliveryLog';
import { formatTime } from './format';
import { NoteForm } from './NoteForm';
import { PublicUpdateForm } from './PublicUpdateForm';
import { PublishedUpdates } from './PublishedUpdates';
import { StatusBadge } from './StatusBadge';

/**
 * One incident's details: what broke (cause, kind, duration, downstream), the timeline, the
 * published public updates, who was notified; the note and public-update forms. Every code is
 * shown by its catalog name or in words. Reloads on live changes.
 */
export function IncidentPanel({ id, onClose }: { id: number; onClose: () => void }) {
  const { lang } = usePrefs();
  const incident = useIncident(id);
  const viewer = useViewer();
  const catalog = useCatalog();
  const now = useNow();
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
  const systemName = (code: string) => catalog.systems.find((s) => s.code === code)?.name[lang] ?? code;
  const agencyName = catalog.agencies.find((a) => a.code === shown.agency)?.name[lang] ?? shown.agency;
  const downstream = shown.kind === 'root' ? downstreamOf(shown.system, cachedDependentsIndex(catalog.systems)) : [];
  const stateLabel = shown.phase === 'recovering' ? t(lang, 'phase.recovering') : tk(lang, `inc.${shown.state}`);
  return (
    <aside className="panel" role="dialog" aria-label={`${t(lang, 'details')}: ${shown.title[lang]}`} data-testid="incident-panel">
      <header className="panel-head">
        <h2>{shown.title[lang]}</h2>
        <button onClick={onClose} aria-label={t(lang, 'close')}>✕</button>
      </header>
      <dl className="kv">
        <div><dt>{t(lang, 'system')}</dt><dd data-testid="panel-system">{systemName(shown.system)}</dd></div>
        <div><dt>{t(lang, 'agency')}</dt><dd data-testid="panel-agency">{agencyName}</dd></div>
        <div><dt>{t(lang, 'status')}</dt><dd><StatusBadge status={shown.status} /></dd></div>
        <div><dt>{t(lang, 'severity')}</dt><dd>{tk(lang, `sev.${shown.severity}`)}</dd></div>
        <div><dt>{t(lang, 'state')}</dt><dd data-testid="panel-state">{stateLabel} · {tk(lang, `kind.${shown.kind}`)}</dd></div>
        <div><dt>{t(lang, 'publicState')}</dt><dd>{tk(lang, `pub.${shown.public_state}`)}</dd></div>
        <div><dt>{t(lang, 'opened')}</dt><dd>{formatTime(shown.opened_at, lang)} · {durationLabel(shown, now, lang)}</dd></div>
      </dl>
      {shown.cause && shown.cause.checks.length > 0 && (
        <>
          <h3>{t(lang, 'cause.label')}</h3>
          <ul className="cause-list" data-testid="panel-cause">
            {shown.cause.checks.map((c) => {
              const line = causeLine(c, lang);
              return <li key={c.checkId} title={line.code} data-check={line.code}>{line.text}</li>;
            })}
          </ul>
        </>
      )}
      {downstream.length > 0 && (
        <>
          <h3>{t(lang, 'affectedDownstream')}</h3>
          <ul className="downstream-list" data-testid="panel-downstream">
            {downstream.map((d) => <li key={d.code} data-system={d.code}>{systemName(d.code)}</li>)}
          </ul>
        </>
      )}
      <h3>{t(lang, 'timeline')}</h3>
      {detail.error && <p role="alert" className="error">{t(lang, 'loadFailed')}: {detail.error}</p>}
      <ol className="timeline" data-testid="incident-timeline">
        {detail.data?.timeline.map((e) => {
          const text = timelineText(e, lang);
          return (
            <li key={e.id} data-kind={e.kind}>
              <time dateTime={e.at}>{formatTime(e.at, lang)}</time> <strong>{text.kind}</strong> · <span className="actor">{actorName(lang, e.actor)}</span>
              {text.detail && <div className="note-text">{text.detail}</div>}
            </li>
          );
        })}
      </ol>
      {detail.data && <PublishedUpdates updates={publishedUpdates(detail.data.timeline)} />}
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
