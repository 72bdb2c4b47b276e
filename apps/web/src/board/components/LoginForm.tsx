import { FormEvent, useState } from 'react';
import type { SessionView } from '@kuzet/contracts/auth/auth-api';
import { api, ApiError } from '../../api/api-client';
import { t } from '../../i18n';
import { usePrefs } from '../prefs/prefs-store';
import { LanguageSwitch } from './LanguageSwitch';

export function LoginForm({ onSignedIn }: { onSignedIn: (session: SessionView) => void }) {
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
        <h1 id="login-title">{t(lang, 'signInTitle')}</h1>
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
