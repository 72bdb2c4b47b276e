import { useCallback, useEffect, useState } from 'react';
import type { SessionView } from '@kuzet/contracts/auth/auth-api';
import { api } from '../api/api-client';
import { t } from '../i18n';
import { LoginForm } from '../board/components/LoginForm';
import { usePrefs } from '../board/prefs/prefs-store';
import { useDocumentPrefs } from '../board/use-document-prefs';
import { AdminHeader } from './AdminHeader';
import { AdminSession } from './AdminSession';
import { ta } from './admin-i18n';
import './admin.css';

/** /admin: the sign-in form for visitors, "admins only" for other roles, users and audit for admins. */
export function AdminApp() {
  const { lang } = usePrefs();
  useDocumentPrefs();
  const [session, setSession] = useState<SessionView | null | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    api.me().then(setSession, () => setFailed(true));
  }, []);
  const signOut = useCallback(() => {
    api.logout().finally(() => setSession(null));
  }, []);
  const signedOut = useCallback(() => setSession(null), []);

  if (failed) return <p role="alert" className="error">{t(lang, 'unavailable')}</p>;
  if (session === undefined) return <p className="empty">{ta(lang, 'loading')}</p>;
  if (session === null) return <LoginForm onSignedIn={setSession} title="adminSignInTitle" />;
  return (
    <div className="admin" data-testid="admin">
      <AdminHeader user={session.user} onSignOut={signOut} />
      {session.user.role === 'admin' ? (
        <AdminSession key={session.user.id} session={session} onSignedOut={signedOut} />
      ) : (
        <main className="admin-body">
          <section className="card admins-only" role="alert" data-testid="admins-only">
            <h1>{ta(lang, 'adminsOnly')}</h1>
            <p className="muted">{ta(lang, 'adminsOnlyHint')}</p>
            <p><a href="/board">{ta(lang, 'board')}</a></p>
          </section>
        </main>
      )}
    </div>
  );
}
