import { useCallback, useEffect, useRef, useState } from 'react';
import { publicOverall } from '@kuzet/contracts/public/public-overall';
import type { SystemStatusView } from '@kuzet/contracts/realtime/realtime-events';
import { PublicApiClient } from './public-api';
import { loadPublicPage, type PublicDataSource, type PublicPageState } from './public-data';
import { followPublicChanges } from './public-live';
import { LANG_COOKIE } from './public-routes';
import { PublicPage } from './PublicPage';

const ONE_YEAR_S = 365 * 24 * 3600;
/** Uptime bars are read again at most this often; the live status comes with every refresh. */
export const UPTIME_REFRESH_MS = 60_000;
/**
 * A summary built before the event that asked for it (the server answers with its previous
 * snapshot while it rebuilds) is read again after this long, at most this many times.
 */
const STALE_RETRY_MS = 250;
const STALE_RETRIES = 20;

/** Whether the page's summary was built before `wanted` (ms since epoch). */
export function builtBefore(state: PublicPageState, wanted: number): boolean {
  return state.summary !== null && Date.parse(state.summary.generated_at) < wanted;
}

/** The page with one system's status as an event carried it (the next refresh brings the rest). */
export function withSystemStatus(state: PublicPageState, view: Omit<SystemStatusView, 'flapping'>): PublicPageState {
  const patch = <T extends { code: string; status: unknown; status_since: string | null }>(s: T): T =>
    s.code === view.system ? { ...s, status: view.status, status_since: view.updated_at ?? s.status_since } : s;
  const summary = state.summary;
  const systems = summary?.systems.map(patch) ?? [];
  return {
    ...state,
    // the overall status follows (the banner is drawn from the systems; the data stays consistent)
    summary: summary && { ...summary, systems, ...publicOverall(systems.map((s) => s.status)) },
    system: state.system && patch(state.system),
  };
}

/**
 * The public page in the browser: starts from the server's state (hydration), draws a system's
 * new status as soon as its event arrives, and refetches on every public event, with no reload.
 * A page the server could not fill (no data) loads at once.
 */
/** One client for every render: a new one per render would renew `refresh` and so the socket. */
const API_SOURCE = new PublicApiClient();

export function PublicClient({ initial, source = API_SOURCE }: { initial: PublicPageState; source?: PublicDataSource }) {
  const [state, setState] = useState(initial);
  const [failed, setFailed] = useState(false);
  const loading = useRef(false);
  /** A change arrived during a load: read again when it ends, or the page keeps what the load saw. */
  const again = useRef(false);
  const uptimeReadAt = useRef(initial.missing ? 0 : Date.now());
  const latest = useRef(state);
  latest.current = state;
  /** Server time (ms) of the latest event: the summary shown must have been built after it. */
  const wanted = useRef(0);

  const refresh = useCallback(async (at?: string) => {
    if (at !== undefined) wanted.current = Math.max(wanted.current, Date.parse(at));
    if (loading.current) {
      again.current = true;
      return;
    }
    loading.current = true;
    try {
      let staleReads = 0;
      do {
        again.current = false;
        const fresh = Date.now() - uptimeReadAt.current < UPTIME_REFRESH_MS;
        const next = await loadPublicPage(source, initial.lang, initial.route, fresh ? latest.current.uptime : undefined);
        if (!fresh) uptimeReadAt.current = Date.now();
        const stale = builtBefore(next, wanted.current) && staleReads++ < STALE_RETRIES;
        if (stale) {
          // not drawn: it would undo what the event itself drew (withSystemStatus)
          again.current = true;
          await new Promise((resolve) => setTimeout(resolve, STALE_RETRY_MS));
          continue;
        }
        setState(next);
        // The API answered but has nothing for the page (e.g. the public API is not there): say so.
        setFailed(next.missing);
      } while (again.current);
    } catch {
      setFailed(true);
    } finally {
      loading.current = false;
    }
  }, [source, initial.lang, initial.route]);

  useEffect(() => {
    document.documentElement.lang = initial.lang;
    if (initial.missing) void refresh();
    return followPublicChanges({
      onChange: (at) => void refresh(at),
      onStatus: (view) => setState((s) => withSystemStatus(s, view)),
    });
  }, [initial, refresh]);

  const onLanguage = (lang: string) => {
    document.cookie = `${LANG_COOKIE}=${lang}; path=/; max-age=${ONE_YEAR_S}; samesite=lax`;
  };
  return (
    <div data-testid="public-live" data-failed={failed || undefined}>
      <PublicPage state={state} failed={failed} onLanguage={onLanguage} />
    </div>
  );
}
