import { memo } from 'react';
import { api } from '../../api/api-client';
import { t, tk } from '../../i18n';
import { systemPath } from '../model/board-route';
import { usePrefs } from '../prefs/prefs-store';
import { useCatalog, useIncident, useSystemStatus, useViewer } from '../store/board-context';
import { cachedDependentsIndex, downstreamOf } from '../model/dependencies';
import { causeSummary } from '../model/incident-cause';
import { durationLabel } from '../model/incident-duration';
import { useAction } from '../use-action';
import { useNow } from '../use-now';
import { linkClick } from '../use-location';
import { StatusBadge } from './StatusBadge';
import { formatTime } from './format';

/** One incident in the feed; subscribes to its own incident only. */
export const IncidentRow = memo(function IncidentRow({ id, onOpen }: { id: number; onOpen: (id: number) => void }) {
  const incident = useIncident(id);
  const { lang, wall } = usePrefs();
  const viewer = useViewer();
  const catalog = useCatalog();
  const action = useAction();
  const live = useSystemStatus(incident?.system ?? '');
  const now = useNow();
  if (!incident) return null;
  const recovering = incident.phase === 'recovering';
  // The cause stays readable while recovering: it says what broke; the state says it is back.
  const cause = incident.phase !== 'resolved' ? causeSummary(incident.cause, lang) : null;
  const system = catalog.systems.find((s) => s.code === incident.system);
  const agency = catalog.agencies.find((a) => a.code === incident.agency);
  const downstream = incident.kind === 'root' ? downstreamOf(incident.system, cachedDependentsIndex(catalog.systems)).length : 0;
  const canAct = !wall && viewer.canAct(incident.agency) && incident.state !== 'resolved';
  return (
    <div
      className="incident-row"
      data-testid="incident-row"
      data-incident-id={incident.id}
      data-state={incident.state}
      data-severity={incident.severity}
      data-system={incident.system}
      data-phase={incident.phase}
      data-kind={incident.kind}
    >
      <span className="severity" data-severity={incident.severity}>{tk(lang, `sev.${incident.severity}`)}</span>
      <div className="incident-main">
        <a href={systemPath(incident.system)} onClick={linkClick(systemPath(incident.system))} className="incident-system">
          {system?.name[lang] ?? incident.system}
        </a>
        <span className="incident-agency">{agency?.name[lang] ?? incident.agency}</span>
        <span className="incident-title">{incident.title[lang]}</span>
        {cause && (
          <span className="incident-cause" data-testid="incident-cause" title={t(lang, 'cause.label')}>
            {cause}
          </span>
        )}
        <span className="incident-facts">
          <span data-testid="incident-kind">{tk(lang, `kind.${incident.kind}`)}</span>
          {' · '}
          <span data-testid="incident-duration">{durationLabel(incident, now, lang)}</span>
          {downstream > 0 && (
            <>
              {' · '}
              <span data-testid="incident-downstream">{t(lang, 'downstreamCount', { count: downstream })}</span>
            </>
          )}
        </span>
      </div>
      {/* While recovering, the row shows the system's real status, not the failure it had. */}
      <StatusBadge status={recovering ? (live?.status ?? 'operational') : incident.status} />
      <span className="incident-state" data-testid="incident-state">
        {recovering ? t(lang, 'phase.recovering') : tk(lang, `inc.${incident.state}`)}
      </span>
      <time className="incident-time" dateTime={incident.opened_at}>{formatTime(incident.opened_at, lang)}</time>
      {!wall && (
        <div className="incident-actions controls">
          {canAct && incident.state === 'open' && (
            <button data-testid="ack-button" disabled={action.busy} onClick={() => action.run(() => api.ack(incident.id))}>
              {t(lang, 'ack')}
            </button>
          )}
          {canAct && (
            <button data-testid="resolve-button" disabled={action.busy} onClick={() => action.run(() => api.resolve(incident.id))}>
              {t(lang, 'resolve')}
            </button>
          )}
          <button data-testid="incident-details" onClick={() => onOpen(incident.id)}>{t(lang, 'details')}</button>
          {action.error && <span role="alert" className="error">{t(lang, 'actionFailed')}: {action.error}</span>}
        </div>
      )}
    </div>
  );
});
