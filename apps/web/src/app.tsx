import { useEffect, useState } from 'react';
import { initialLang, Lang, LANGS, t } from './i18n';

interface Health {
  status: string;
  storage: { mode: string };
  versions: Record<string, string>;
}
interface SystemSummary {
  code: string;
  agency: string;
}

function usePath(): string {
  return typeof window === 'undefined' ? '/' : window.location.pathname;
}

export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [health, setHealth] = useState<Health | null>(null);
  const [systems, setSystems] = useState<SystemSummary[] | null>(null);
  const [failed, setFailed] = useState(false);
  const path = usePath();

  useEffect(() => {
    document.documentElement.lang = lang;
    localStorage.setItem('kuzet.lang', lang);
  }, [lang]);

  useEffect(() => {
    Promise.all([fetch('/api/health'), fetch('/api/catalog/systems')])
      .then(async ([h, s]) => {
        setHealth((await h.json()) as Health);
        const body = (await s.json()) as SystemSummary[] | { items: SystemSummary[] };
        setSystems(Array.isArray(body) ? body : body.items);
      })
      .catch(() => setFailed(true));
  }, []);

  const agencies = systems ? new Set(systems.map((s) => s.agency)).size : 0;
  return (
    <div className="page">
      <header className="top">
        <a href="/" className="brand">Kuzet</a>
        <nav aria-label="sections">
          <a href="/status" aria-current={path === '/status' ? 'page' : undefined}>{t(lang, 'status')}</a>
          <a href="/board" aria-current={path === '/board' ? 'page' : undefined}>{t(lang, 'board')}</a>
          <a href="/admin" aria-current={path === '/admin' ? 'page' : undefined}>{t(lang, 'admin')}</a>
        </nav>
        <div className="langs" role="group" aria-label="language">
          {LANGS.map((l) => (
            <button key={l} onClick={() => setLang(l)} aria-pressed={l === lang}>{l.toUpperCase()}</button>
          ))}
        </div>
      </header>
      <main>
        <h1>{t(lang, 'title')}</h1>
        {failed && <p role="alert">{t(lang, 'unavailable')}</p>}
        {!failed && !health && <p>{t(lang, 'loading')}</p>}
        {health && (
          <dl className="facts">
            <div><dt>{t(lang, 'systems')}</dt><dd data-testid="systems-count">{systems?.length ?? '—'}</dd></div>
            <div><dt>{t(lang, 'agencies')}</dt><dd data-testid="agencies-count">{agencies}</dd></div>
            <div><dt>{t(lang, 'storage')}</dt><dd data-testid="storage-mode">{health.storage.mode}</dd></div>
          </dl>
        )}
        <p className="note">{t(lang, 'shell')}</p>
      </main>
    </div>
  );
}
