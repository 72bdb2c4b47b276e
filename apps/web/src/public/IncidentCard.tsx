import type { PublicIncidentView, PublicSystem } from '@kuzet/contracts/public/public-api.dto';
import type { PublicText } from './public-i18n';
import { publicHref } from './public-routes';
import { StatusBadge } from './StatusBadge';

/** An incident with its public updates, newest first. */
export function IncidentCard({
  incident,
  system,
  text,
  headingLevel = 3,
  link = true,
}: {
  incident: PublicIncidentView;
  system: PublicSystem | undefined;
  text: PublicText;
  headingLevel?: 2 | 3;
  link?: boolean;
}) {
  const H = `h${headingLevel}` as const;
  const title = text.pick(incident.title);
  const updates = [...incident.updates].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <article className="incident" data-testid="public-incident" data-incident={incident.id} data-status={incident.status}>
      <H className="incident-title">
        {link ? <a href={publicHref(text.lang, { kind: 'incident', id: incident.id })}>{title}</a> : title}
      </H>
      <p className="incident-meta">
        <StatusBadge status={incident.status} text={text} />{' '}
        {system && <a href={publicHref(text.lang, { kind: 'system', code: system.code })}>{text.pick(system.name)}</a>}
        {' · '}
        <strong>{text.t(`pub.${incident.public_state}`)}</strong>
        {' · '}
        {text.t('started', { time: text.dateTime(incident.started_at) })}
        {incident.resolved_at && <> · {text.t('resolvedAt', { time: text.dateTime(incident.resolved_at) })}</>}
      </p>
      {updates.length === 0 ? (
        <p className="muted">{text.t('noUpdates')}</p>
      ) : (
        <ol className="updates" aria-label={text.t('updates')}>
          {updates.map((u) => (
            <li key={`${u.at}-${u.public_state}`} data-testid="public-update">
              <strong>{text.t(`pub.${u.public_state}`)}</strong> · <time dateTime={u.at}>{text.dateTime(u.at)}</time>
              <p>{text.pick(u.text)}</p>
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
