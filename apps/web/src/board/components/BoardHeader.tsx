import type { SessionUser } from '@kuzet/contracts/auth/auth-api';
import { t, tk } from '../../i18n';
import { setPrefs, usePrefs } from '../prefs/prefs-store';
import { DEAD_LETTERS_PATH, SCORES_PATH } from '../model/board-route';
import { linkClick } from '../use-location';
import { ConnectionIndicator } from './ConnectionIndicator';
import { LanguageSwitch } from './LanguageSwitch';

export function BoardHeader({ user, onSignOut }: { user: SessionUser; onSignOut: () => void }) {
  const prefs = usePrefs();
  const { lang } = prefs;
  return (
    <header className="top board-top">
      <a href="/board" onClick={linkClick('/board')} className="brand">Kuzet</a>
      <nav aria-label={t(lang, 'sections')}>
        <a href="/board" onClick={linkClick('/board')}>{t(lang, 'overview')}</a>
        <a href={SCORES_PATH} onClick={linkClick(SCORES_PATH)} data-testid="scores-link">{t(lang, 'scores')}</a>
        {(user.role === 'admin' || user.role === 'duty_officer') && (
          <a href={DEAD_LETTERS_PATH} onClick={linkClick(DEAD_LETTERS_PATH)} data-testid="dead-letters-link">{t(lang, 'deadLetters')}</a>
        )}
      </nav>
      <ConnectionIndicator />
      <div className="controls header-controls">
        <LanguageSwitch />
        <button data-testid="theme-toggle" onClick={() => setPrefs({ theme: prefs.theme === 'dark' ? 'light' : 'dark' })} aria-label={t(lang, 'theme')}>
          {prefs.theme === 'dark' ? `☀ ${t(lang, 'themeLight')}` : `☾ ${t(lang, 'themeDark')}`}
        </button>
        <button data-testid="mute-toggle" aria-pressed={prefs.muted} onClick={() => setPrefs({ muted: !prefs.muted })}>
          {prefs.muted ? `♪̸ ${t(lang, 'unmute')}` : `♪ ${t(lang, 'mute')}`}
        </button>
        <button data-testid="wall-toggle" onClick={() => setPrefs({ wall: true })}>▣ {t(lang, 'wall')}</button>
        <span className="user" title={user.email}>
          {user.name || user.email} · {tk(lang, `role.${user.role}`)}{user.role === 'viewer' ? ` · ${t(lang, 'readOnly')}` : ''}
        </span>
        <button data-testid="sign-out" onClick={onSignOut}>{t(lang, 'signOut')}</button>
      </div>
    </header>
  );
}
