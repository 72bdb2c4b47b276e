import type { PublicStatusSummary } from '@kuzet/contracts/public/public-api.dto';
import { publicOverall } from '@kuzet/contracts/public/public-overall';
import type { ReactNode } from 'react';
import { IncidentCard } from './IncidentCard';
import type { PublicPageState } from './public-data';
import { publicText, type PublicText } from './public-i18n';
import { PUBLIC_LANGS, publicHref } from './public-routes';
import { StatusBadge } from './StatusBadge';
import { SubscribeForm } from './SubscribeForm';
import { SystemGroups, SystemRow } from './SystemGroups';

export interface PublicPageProps {
  state: PublicPageState;
  /** The client failed to load (shown instead of "loading"). */
  failed?: boolean;
  /** Called before following a language link (the client stores the choice in a cookie). */
  onLanguage?: (lang: string) => void;
}

function Loading({ text, failed }: { text: PublicText; failed?: boolean }) {
  return failed ? (
    <p role="alert" data-testid="public-unavailable">{text.t('unavailable')}</p>
  ) : (
    <p role="status" data-testid="public-loading">{text.t('loading')}</p>
  );
}

function Overall({ summary, text }: { summary: PublicStatusSummary; text: PublicText }) {
  // Rolled up from the very list drawn below (a live status event patches it), by the API's rule:
  // "all systems are working" only when every system has a status and it is operational.
  const { overall, systems_without_data: missing } = publicOverall(summary.systems.map((s) => s.status));
  const counts = { missing, total: summary.systems.length };
  // no known system is worse than operational, but some have no data: say only what is known
  const knownOperational = overall === null && missing < counts.total;
  const status = overall ?? 'no_data';
  return (
    <section className="overall" data-status={status} data-testid="overall" data-without-data={missing} aria-labelledby="overall-heading">
      <h2 id="overall-heading">
        <StatusBadge status={overall} text={text} /> {text.t(knownOperational ? 'overall.known_operational' : `overall.${status}`, counts)}
      </h2>
      {overall !== null && missing > 0 && <p data-testid="overall-without-data">{text.t('overall.without_data', counts)}</p>}
      <p className="muted">{text.t('updatedAt', { time: text.dateTime(summary.generated_at) })}</p>
    </section>
  );
}

function Home({ state, text, group }: { state: PublicPageState; text: PublicText; group: 'agency' | 'category' }) {
  const summary = state.summary!;
  const systems = new Map(summary.systems.map((s) => [s.code, s]));
  return (
    <>
      <Overall summary={summary} text={text} />
      <section aria-labelledby="incidents-heading" data-testid="active-incidents">
        <h2 id="incidents-heading">{text.t('activeIncidents')}</h2>
        <p className="muted">{text.t('incidentCount', { count: summary.active_incidents.length })}</p>
        {summary.active_incidents.map((i) => (
          <IncidentCard key={i.id} incident={i} system={systems.get(i.system)} text={text} />
        ))}
      </section>
      {summary.maintenance.length > 0 && (
        <section aria-labelledby="maintenance-heading" data-testid="maintenance">
          <h2 id="maintenance-heading">{text.t('maintenance')}</h2>
          <ul>
            {summary.maintenance.map((m) => (
              <li key={m.code}>
                <strong>{text.pick(m.title)}</strong> — {text.t('maintenanceWindow', { from: text.dateTime(m.starts_at), to: text.dateTime(m.ends_at) })}
                {' · '}
                {m.systems.map((c) => (systems.get(c) ? text.pick(systems.get(c)!.name) : c)).join(', ')}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="systems-heading">
        <h2 id="systems-heading">{text.t('systems')}</h2>
        <nav className="group-switch" aria-label={text.t('systems')}>
          {(['agency', 'category'] as const).map((by) => (
            <a key={by} href={publicHref(text.lang, { kind: 'home', group: by })} aria-current={group === by ? 'page' : undefined}>
              {text.t(by === 'agency' ? 'byAgency' : 'byCategory')}
            </a>
          ))}
        </nav>
        <SystemGroups summary={summary} uptime={state.uptime} by={group} text={text} />
      </section>
      <p>
        <a href={publicHref(text.lang, { kind: 'history', cursor: null })}>{text.t('history')}</a>
        {' · '}
        <a href={publicHref(text.lang, { kind: 'subscribe', system: null, agency: null })} data-testid="subscribe-link">{text.t('subscribe')}</a>
      </p>
    </>
  );
}

function SystemPage({ state, text }: { state: PublicPageState; text: PublicText }) {
  const system = state.system!;
  const summary = state.summary;
  const agency = summary?.agencies.find((a) => a.code === system.agency);
  const category = summary?.categories.find((c) => c.code === system.category);
  const incidents = summary?.active_incidents.filter((i) => i.system === system.code) ?? [];
  return (
    <>
      <h2>{text.pick(system.name)}</h2>
      <dl className="facts small">
        <div><dt>{text.t('status')}</dt><dd><StatusBadge status={system.status} text={text} /></dd></div>
        {system.status_since && <div><dt>&nbsp;</dt><dd className="muted">{text.t('since', { time: text.dateTime(system.status_since) })}</dd></div>}
        {agency && <div><dt>{text.t('agency')}</dt><dd>{text.pick(agency.name)}</dd></div>}
        {category && <div><dt>{text.t('category')}</dt><dd>{text.pick(category.name)}</dd></div>}
      </dl>
      <ul className="systems">
        <SystemRow system={system} uptime={state.uptime[system.code]} text={text} />
      </ul>
      <section aria-labelledby="incidents-heading">
        <h2 id="incidents-heading">{text.t('activeIncidents')}</h2>
        <p className="muted">{text.t('incidentCount', { count: incidents.length })}</p>
        {incidents.map((i) => (
          <IncidentCard key={i.id} incident={i} system={system} text={text} />
        ))}
      </section>
      <p>
        <a href={publicHref(text.lang, { kind: 'subscribe', system: system.code, agency: null })} data-testid="subscribe-link">{text.t('subscribeSystem')}</a>
      </p>
    </>
  );
}

function HistoryPage({ state, text }: { state: PublicPageState; text: PublicText }) {
  const page = state.incidents!;
  const systems = new Map(state.summary?.systems.map((s) => [s.code, s]));
  return (
    <>
      <h2>{text.t('history')}</h2>
      {page.items.length === 0 && <p>{text.t('noHistory')}</p>}
      {page.items.map((i) => (
        <IncidentCard key={i.id} incident={i} system={systems.get(i.system)} text={text} />
      ))}
      <nav className="pager" aria-label={text.t('history')}>
        {state.route.kind === 'history' && state.route.cursor && <a href={publicHref(text.lang, { kind: 'history', cursor: null })}>{text.t('newest')}</a>}
        {page.next_cursor && (
          <a href={publicHref(text.lang, { kind: 'history', cursor: page.next_cursor })} rel="next" data-testid="history-older">
            {text.t('older')}
          </a>
        )}
      </nav>
    </>
  );
}

function Body({ state, text, failed }: { state: PublicPageState; text: PublicText; failed?: boolean }) {
  const route = state.route;
  const notFound = <p data-testid="public-not-found">{text.t('notFound')}</p>;
  switch (route.kind) {
    case 'home':
      return state.summary ? <Home state={state} text={text} group={route.group} /> : <Loading text={text} failed={failed} />;
    case 'system':
      if (state.missing) return <Loading text={text} failed={failed} />;
      return state.system ? <SystemPage state={state} text={text} /> : notFound;
    case 'incident': {
      if (state.missing) return <Loading text={text} failed={failed} />;
      if (!state.incident) return notFound;
      const system = state.summary?.systems.find((s) => s.code === state.incident!.system);
      return (
        <>
          <p className="muted">{text.t('incidentOf', { system: system ? text.pick(system.name) : state.incident.system })}</p>
          <IncidentCard incident={state.incident} system={system} text={text} headingLevel={2} link={false} />
        </>
      );
    }
    case 'history':
      return state.incidents ? <HistoryPage state={state} text={text} /> : <Loading text={text} failed={failed} />;
    case 'subscribe':
      return state.summary ? <SubscribeForm summary={state.summary} route={route} text={text} /> : <Loading text={text} failed={failed} />;
    case 'not_found':
      return notFound;
  }
}

/** The whole public page (server-rendered, then hydrated): header, languages, the route's content. */
export function PublicPage({ state, failed, onLanguage }: PublicPageProps): ReactNode {
  const text = publicText(state.lang);
  return (
    <div className="page public" data-testid="public-page" data-lang={state.lang}>
      <a className="skip-link" href="#main">{text.t('skip')}</a>
      <header className="top">
        <a href={publicHref(state.lang, { kind: 'home', group: 'agency' })} className="brand">{text.t('brand')}</a>
        <nav className="langs" aria-label={text.t('language')}>
          {PUBLIC_LANGS.map((l) => (
            <a
              key={l}
              href={publicHref(l, state.route)}
              lang={l}
              hrefLang={l}
              aria-current={l === state.lang ? 'true' : undefined}
              data-testid={`lang-${l}`}
              onClick={() => onLanguage?.(l)}
            >
              {text.t(`lang.${l}`)}
            </a>
          ))}
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <h1>{text.t('title')}</h1>
        {state.route.kind !== 'home' && (
          <p>
            <a href={publicHref(state.lang, { kind: 'home', group: 'agency' })}>{text.t('backToStatus')}</a>
          </p>
        )}
        <Body state={state} text={text} failed={failed} />
      </main>
      <footer className="public-footer muted">
        <p>{text.t('live')}</p>
      </footer>
    </div>
  );
}
