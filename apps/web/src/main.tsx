import { lazy, StrictMode, Suspense } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import type { PublicPageState } from './public/public-data';
import { PublicClient } from './public/PublicClient';
import { isPublicPath, LANG_COOKIE, parsePublicUrl, readCookie, resolveLang } from './public/public-routes';
import './styles.css';

// /board and /admin are their own chunks (socket.io rooms, virtual lists, Recharts): the public
// page (/, /status, /{kk|ru|en}/…) loads none of that. The public page is rendered on the server
// and hydrated here from the state it sent along.
const BoardApp = lazy(() => import('./board/components/BoardApp').then((m) => ({ default: m.BoardApp })));
const AdminApp = lazy(() => import('./admin/AdminApp').then((m) => ({ default: m.AdminApp })));
const path = window.location.pathname;
const root = document.getElementById('root')!;

function serverState(): PublicPageState | null {
  const el = document.getElementById('kuzet-public-state');
  return el?.textContent ? (JSON.parse(el.textContent) as PublicPageState) : null;
}

/** No server state (e.g. the Vite dev server): start empty and let the client load. */
function clientState(): PublicPageState {
  const { lang, route } = parsePublicUrl(path, window.location.search);
  return {
    lang: resolveLang(lang, readCookie(document.cookie, LANG_COOKIE), navigator.languages),
    route,
    summary: null,
    uptime: {},
    system: null,
    incident: null,
    incidents: null,
    missing: true,
  };
}

if (/^\/board(\/|$)/.test(path) || /^\/admin(\/|$)/.test(path)) {
  const App = /^\/board/.test(path) ? BoardApp : AdminApp;
  createRoot(root).render(
    <StrictMode>
      <Suspense fallback={null}>
        <App />
      </Suspense>
    </StrictMode>,
  );
} else {
  const ssr = isPublicPath(path) ? serverState() : null;
  const page = (
    <StrictMode>
      <PublicClient initial={ssr ?? clientState()} />
    </StrictMode>
  );
  if (ssr && root.dataset.ssr === 'public') hydrateRoot(root, page);
  else createRoot(root).render(page);
}
