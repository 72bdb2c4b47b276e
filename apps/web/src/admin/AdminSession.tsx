import { useEffect, useMemo, useState } from 'react';
import type { SessionView } from '@kuzet/contracts/auth/auth-api';
import type { AgencyView } from '@kuzet/contracts/catalog/catalog-api.dto';
import { api } from '../api/api-client';
import { usePrefs } from '../board/prefs/prefs-store';
import { AdminApi } from './admin-api';
import { ta } from './admin-i18n';
import { AuditSection } from './AuditSection';
import { UsersSection } from './UsersSection';

type Tab = 'users' | 'audit';
const tabFromHash = (): Tab => (typeof location !== 'undefined' && location.hash === '#audit' ? 'audit' : 'users');

/** A signed-in admin: the users tab and the audit tab (#audit), one client with the session's CSRF token. */
export function AdminSession({ session, onSignedOut }: { session: SessionView; onSignedOut: () => void }) {
  const { lang } = usePrefs();
  const adminApi = useMemo(() => new AdminApi(session.csrf_token), [session.csrf_token]);
  const [tab, setTab] = useState<Tab>(tabFromHash);
  const [agencies, setAgencies] = useState<AgencyView[]>([]);
  const [agencyError, setAgencyError] = useState<string | null>(null);

  useEffect(() => {
    api.setCsrf(session.csrf_token);
    api.agencies().then(setAgencies, (err: unknown) => setAgencyError(err instanceof Error ? err.message : String(err)));
  }, [session.csrf_token]);
  useEffect(() => {
    const onHash = () => setTab(tabFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const show = (t: Tab) => {
    history.replaceState(null, '', t === 'audit' ? '#audit' : location.pathname + location.search);
    setTab(t);
  };
  return (
    <main className="admin-body">
      <div className="tabs" role="tablist" aria-label={ta(lang, 'title')}>
        {(['users', 'audit'] as const).map((t) => (
          <button key={t} role="tab" id={`tab-${t}`} aria-selected={tab === t} aria-controls={`panel-${t}`} data-testid={`tab-${t}`} onClick={() => show(t)}>
            {ta(lang, t)}
          </button>
        ))}
      </div>
      {agencyError && <p role="alert" className="error">{ta(lang, 'loadFailed')} ({ta(lang, 'agency')}): {agencyError}</p>}
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'users' ? (
          <UsersSection adminApi={adminApi} agencies={agencies} onUnauthorized={onSignedOut} />
        ) : (
          <AuditSection adminApi={adminApi} onUnauthorized={onSignedOut} />
        )}
      </div>
    </main>
  );
}
