import { FormEvent, useState } from 'react';
import { ROLES, type Role } from '@kuzet/contracts/auth/auth-api';
import type { AgencyView } from '@kuzet/contracts/catalog/catalog-api.dto';
import { tk } from '../i18n';
import { formatTime } from '../board/components/format';
import { usePrefs } from '../board/prefs/prefs-store';
import type { AdminApi, AdminUser, UserPatchBody } from './admin-api';
import { ta } from './admin-i18n';
import { AgencySelect } from './AgencySelect';
import { Field } from './Field';
import { formErrors, FormErrors, leftover, NO_ERRORS } from './field-errors';

type Mode = 'view' | 'edit' | 'password';

/** One user: change role and agency, disable or enable, reset the password; refusals show at the field. */
export function UserRow({ user, adminApi, agencies, onChanged }: { user: AdminUser; adminApi: AdminApi; agencies: AgencyView[]; onChanged: (u: AdminUser) => void }) {
  const { lang } = usePrefs();
  const [mode, setMode] = useState<Mode>('view');
  const [role, setRole] = useState<Role>(user.role);
  const [agency, setAgency] = useState(user.agency ?? '');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const send = async (patch: UserPatchBody, after?: string): Promise<boolean> => {
    setBusy(true);
    setErrors(NO_ERRORS);
    setNotice(null);
    try {
      onChanged(await adminApi.updateUser(user.id, patch));
      if (after) setNotice(after);
      return true;
    } catch (err) {
      setErrors(formErrors(err, lang));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const open = (m: Mode) => {
    setMode(m);
    setErrors(NO_ERRORS);
    setNotice(null);
    setRole(user.role);
    setAgency(user.agency ?? '');
    setPassword('');
  };
  const saveRole = async (e: FormEvent) => {
    e.preventDefault();
    // Operators send their agency (empty = none, which the API names as missing); other roles drop it.
    const patch: UserPatchBody = { role, agency: role === 'agency_operator' ? agency || null : null };
    if (await send(patch, ta(lang, 'saved'))) setMode('view');
  };
  const savePassword = async (e: FormEvent) => {
    e.preventDefault();
    if (await send({ password }, ta(lang, 'passwordReset'))) setMode('view');
  };

  const general = leftover(errors, mode === 'edit' ? ['role', 'agency'] : mode === 'password' ? ['password'] : ['disabled']);
  return (
    <tr data-testid="user-row" data-email={user.email} data-role={user.role} data-agency={user.agency ?? ''} data-disabled={user.disabled}>
      <td className="mono">{user.email}</td>
      <td>{user.name}</td>
      <td data-testid="user-role">{tk(lang, `role.${user.role}`)}</td>
      <td data-testid="user-agency">{user.agency ? (agencies.find((a) => a.code === user.agency)?.name[lang] ?? user.agency) : '—'}</td>
      <td data-testid="user-status">
        <span className={user.disabled ? 'pill pill-off' : 'pill pill-on'}>{user.disabled ? `⊘ ${ta(lang, 'disabled')}` : `✓ ${ta(lang, 'enabled')}`}</span>
      </td>
      <td className="nowrap">{formatTime(user.created_at, lang)}</td>
      <td className="user-actions">
        {mode === 'view' && (
          <div className="row-buttons">
            <button type="button" onClick={() => open('edit')} data-testid="edit-role">{ta(lang, 'edit')}</button>
            <button type="button" disabled={busy} onClick={() => void send({ disabled: !user.disabled })} data-testid="toggle-disabled">
              {user.disabled ? ta(lang, 'enable') : ta(lang, 'disable')}
            </button>
            <button type="button" onClick={() => open('password')} data-testid="reset-password">{ta(lang, 'resetPassword')}</button>
          </div>
        )}
        {mode === 'edit' && (
          <form className="row-form" onSubmit={saveRole} noValidate data-testid="role-form">
            <Field label={ta(lang, 'role')} name="role" error={errors.fields.role}>
              <select name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
                {ROLES.map((r) => <option key={r} value={r}>{tk(lang, `role.${r}`)}</option>)}
              </select>
            </Field>
            {(role === 'agency_operator' || errors.fields.agency) && (
              <Field label={ta(lang, 'agency')} name="agency" error={errors.fields.agency}>
                <AgencySelect agencies={agencies} lang={lang} value={agency} onChange={setAgency} />
              </Field>
            )}
            <div className="row-buttons">
              <button type="submit" disabled={busy} data-testid="save-role">{ta(lang, 'save')}</button>
              <button type="button" onClick={() => open('view')}>{ta(lang, 'cancel')}</button>
            </div>
          </form>
        )}
        {mode === 'password' && (
          <form className="row-form" onSubmit={savePassword} noValidate data-testid="password-form">
            <Field label={ta(lang, 'newPassword')} name="password" error={errors.fields.password}>
              <input name="password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
            </Field>
            <div className="row-buttons">
              <button type="submit" disabled={busy} data-testid="save-password">{ta(lang, 'save')}</button>
              <button type="button" onClick={() => open('view')}>{ta(lang, 'cancel')}</button>
            </div>
          </form>
        )}
        {errors.fields.disabled && <span className="field-error error" role="alert" data-testid="field-error-disabled">{errors.fields.disabled}</span>}
        {general && <span className="error" role="alert" data-testid="row-error">{general}</span>}
        {notice && <span className="ok-text" role="status">{notice}</span>}
      </td>
    </tr>
  );
}
