import type { SessionUser } from '@kuzet/contracts/auth/auth-api';
import { t, tk } from '../i18n';
import { LanguageSwitch } from '../board/components/LanguageSwitch';
import { setPrefs, usePrefs } from '../board/prefs/prefs-store';
import { ta } from './admin-i18n';

export function AdminHeader({ user, onSignOut }: { user: SessionUser; onSignOut: () => void }) {
  const { lang, theme } = usePrefs();
  return (
    <header className="top board-top">
      <a href="/admin" className="brand">Kuzet</a>
      <nav aria-label={t(lang, 'sections')}>
        <a href="/board">{ta(lang, 'board')}</a>
        <a href="/admin" aria-current="page">{ta(lang, 'title')}</a>
      </nav>
      <div className="header-controls">
        <LanguageSwitch />
        <button data-testid="theme-toggle" onClick={() => setPrefs({ theme: theme === 'dark' ? 'light' : 'dark' })} aria-label={t(lang, 'theme')}>
          {theme === 'dark' ? `☀ ${t(lang, 'themeLight')}` : `☾ ${t(lang, 'themeDark')}`}
        </button>
        <span className="user" title={user.email} data-testid="admin-user">
          {user.name || user.email} · {tk(lang, `role.${user.role}`)}
        </span>
        <button data-testid="sign-out" onClick={onSignOut}>{t(lang, 'signOut')}</button>
      </div>
    </header>
  );
}
