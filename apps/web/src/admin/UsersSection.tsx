import { useCallback, useEffect, useState } from 'react';
import type { AgencyView } from '@kuzet/contracts/catalog/catalog-api.dto';
import { usePrefs } from '../board/prefs/prefs-store';
import { AdminApiError, type AdminApi, type AdminUser } from './admin-api';
import { ta } from './admin-i18n';
import { CreateUserForm } from './CreateUserForm';
import { UserRow } from './UserRow';

/** Every user, oldest first as the API lists them, and the form for a new one. */
export function UsersSection({ adminApi, agencies, onUnauthorized }: { adminApi: AdminApi; agencies: AgencyView[]; onUnauthorized: () => void }) {
  const { lang } = usePrefs();
  const [users, setUsers] = useState<AdminUser[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    adminApi.users().then(
      (list) => live && setUsers(list),
      (err: unknown) => {
        if (!live) return;
        if (err instanceof AdminApiError && err.status === 401) return onUnauthorized();
        setError(err instanceof Error ? err.message : String(err));
      },
    );
    return () => {
      live = false;
    };
  }, [adminApi, onUnauthorized]);
  // A write answers the user as it now is: replace (or add) that one row.
  const upsert = useCallback((u: AdminUser) => setUsers((list) => (list?.some((x) => x.id === u.id) ? list.map((x) => (x.id === u.id ? u : x)) : [...(list ?? []), u])), []);

  return (
    <section className="admin-section" aria-labelledby="users-title" data-testid="users-section">
      <h1 id="users-title" className="section-title">{ta(lang, 'users')}</h1>
      <CreateUserForm adminApi={adminApi} agencies={agencies} onCreated={upsert} />
      {error && <p role="alert" className="error">{ta(lang, 'loadFailed')}: {error}</p>}
      {!users && !error && <p className="empty">{ta(lang, 'loading')}</p>}
      {users && (
        <div className="table-scroll card">
          <table className="admin-table" data-testid="users-table">
            <thead>
              <tr>
                <th scope="col">{ta(lang, 'email')}</th>
                <th scope="col">{ta(lang, 'name')}</th>
                <th scope="col">{ta(lang, 'role')}</th>
                <th scope="col">{ta(lang, 'agency')}</th>
                <th scope="col">{ta(lang, 'status')}</th>
                <th scope="col">{ta(lang, 'created')}</th>
                <th scope="col">{ta(lang, 'actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.length === 0 && (
                <tr><td colSpan={7} className="empty">{ta(lang, 'noUsers')}</td></tr>
              )}
              {users.map((u) => <UserRow key={u.id} user={u} adminApi={adminApi} agencies={agencies} onChanged={upsert} />)}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
