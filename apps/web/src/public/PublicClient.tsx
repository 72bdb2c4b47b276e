import { useCallback, useEffect, useRef, useState } from 'react';
import { PublicApiClient } from './public-api';
import { loadPublicPage, type PublicDataSource, type PublicPageState } from './public-data';
import { followPublicChanges } from './public-live';
import { LANG_COOKIE } from './public-routes';
import { PublicPage } from './PublicPage';

const ONE_YEAR_S = 365 * 24 * 3600;

/**
 * The public page in the browser: starts from the server's state (hydration) and refetches on
 * every public event, with no reload. A page the server could not fill (no data) loads at once.
 */
export function PublicClient({ initial, source = new PublicApiClient() }: { initial: PublicPageState; source?: PublicDataSource }) {
  const [state, setState] = useState(initial);
  const [failed, setFailed] = useState(false);
  const loading = useRef(false);

  const refresh = useCallback(async () => {
    if (loading.current) return;
    loading.current = true;
    try {
      const next = await loadPublicPage(source, initial.lang, initial.route);
      setState(next);
      // The API answered but has nothing for the page (e.g. the public API is not there): say so.
      setFailed(next.missing);
    } catch {
      setFailed(true);
    } finally {
      loading.current = false;
    }
  }, [source, initial.lang, initial.route]);

  useEffect(() => {
    document.documentElement.lang = initial.lang;
    if (initial.missing) void refresh();
    return followPublicChanges(() => void refresh());
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
