import { useCallback, useEffect, useState } from 'react';
import type { SessionView } from '@kuzet/contracts/auth/auth-api';
import { api } from '../../api/api-client';
import { t } from '../../i18n';
import { usePrefs } from '../prefs/prefs-store';
import { useDocumentPrefs } from '../use-document-prefs';
import { BoardSession } from './BoardSession';
import { LoginForm } from './LoginForm';

/** /board: ask who is signed in; show the sign-in form or the live board. */
export function BoardApp() {
  const { lang } = usePrefs();
  useDocumentPrefs();
  const [session, setSession] = useState<SessionView | null | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const signedOut = useCallback(() => setSession(null), []);
  useEffect(() => {
    api.me().then(setSession, () => setFailed(true));
  }, []);
  if (failed) return <p role="alert" className="error">{t(lang, 'unavailable')}</p>;
  if (session === undefined) return <p className="empty">{t(lang, 'loading')}</p>;
  if (session === null) return <LoginForm onSignedIn={setSession} />;
  return (
<BoardSession key={session.user.id} session={session} onSignedOut={signedOut} />
  );
}
