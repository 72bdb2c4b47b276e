import { FormEvent, useState } from 'react';
import { ROLES, type Role } from '@kuzet/contracts/auth/auth-api';
import type { AgencyView } from '@kuzet/contracts/catalog/catalog-api.dto';
import { tk } from '../i18n';
import { usePrefs } from '../board/prefs/prefs-store';
import type { AdminApi, AdminUser } from './admin-api';
import { ta } from './admin-i18n';
import { AgencySelect } from './AgencySelect';
import { Field } from './Field';
import { formErrors, FormErrors, leftover, NO_ERRORS } from './field-errors';

const FIELDS = ['email', 'name', 'role', 'agency', 'password'];

/** New user. The browser does not pre-check (noValidate): the API's 400/409 name the field. */
export function CreateUserForm({ adminApi, agencies, onCreated }: { adminApi: AdminApi; agencies: AgencyView[]; onCreated: (u: AdminUser) => void }) {
  const { lang } = usePrefs();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('duty_officer');
  const [agency, setAgency] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    setDone(null);
    try {
      // Agency only for operators: the API refuses one on any other role.
      const user = await adminApi.createUser({
        email: email.trim(),
        name: name.trim() || undefined,
        role,
        agency: role === 'agency_operator' && agency ? agency : undefined,
        password,
      });
      onCreated(user);
      setDone(user.email);
      setEmail('');
      setName('');
      setPassword('');
    } catch (err) {
      setErrors(formErrors(err, lang));
    } finally {
      setBusy(false);
    }
  };

  const general = leftover(errors, FIELDS);
  return (
    <form className="card admin-form" onSubmit={submit} noValidate data-testid="create-user-form" aria-labelledby="create-user-title">
      <h2 id="create-user-title" className="section-title">{ta(lang, 'createUser')}</h2>
      <div className="admin-form-grid">
        <Field label={ta(lang, 'email')} name="email" error={errors.fields.email}>
          <input name="email" type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />
        </Field>
        <Field label={ta(lang, 'name')} name="name" error={errors.fields.name}>
          <input name="name" value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
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
        <Field label={ta(lang, 'password')} name="password" error={errors.fields.password}>
          <input name="password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </Field>
      </div>
      <div className="admin-form-actions">
        <button type="submit" disabled={busy} data-testid="create-user-submit">{ta(lang, 'create')}</button>
        {done && <span className="ok-text" role="status" data-testid="create-user-done">{ta(lang, 'created_ok')}: {done}</span>}
        {general && <span className="error" role="alert" data-testid="create-user-error">{general}</span>}
      </div>
    </form>
  );
}
