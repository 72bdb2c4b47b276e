import { FormEvent, useState } from 'react';
import type { SessionView } from '@kuzet/contracts/auth/auth-api';
import { api, ApiError } from '../../api/api-client';
import { type MessageKey, t } from '../../i18n';
import { usePrefs } from '../prefs/prefs-store';
import { LanguageSwitch } from './LanguageSwitch';

/** The sign-in form; `title` names the page signed in to (the duty board, or /admin). */
export function LoginForm({ onSignedIn, title = 'signInTitle' }: { onSignedIn: (session: SessionView) => void; title?: MessageKey }) {
  const { lang } = usePrefs();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.login(email, password));
    } catch (err) {
      setError(err instanceof ApiError && err.status === 429 ? t(lang, 'signInLimited') : err instanceof ApiError && err.status < 500 ? t(lang, 'signInFailed') : t(lang, 'unavailable'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="login">
      <div className="login-top"><LanguageSwitch /></div>
      <form onSubmit={submit} className="stack card" data-testid="login-form" aria-labelledby="login-title">
        <h1 id="login-title" data-testid="login-title">{t(lang, title)}</h1>
        <label>
          {t(lang, 'email')}
          <input data-testid="login-email" name="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          {t(lang, 'password')}
          <input data-testid="login-password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <button data-testid="login-submit" type="submit" disabled={busy}>{t(lang, 'signIn')}</button>
        {error && <p role="alert" className="error" data-testid="login-error">{error}</p>}
      </form>
    </main>
  );
}
