import { FormEvent, useCallback, useEffect, useState } from 'react';
import { formatTime } from '../board/components/format';
import { tOr } from '../i18n';
import { usePrefs } from '../board/prefs/prefs-store';
import { AdminApiError, type AdminApi, type AuditFilters, type AuditRecord } from './admin-api';
import { ta } from './admin-i18n';
import { compactJson, zonedInputToIso } from './audit-format';
import { Field } from './Field';
import { formErrors, FormErrors, leftover, NO_ERRORS } from './field-errors';

const EMPTY = { actor: '', action: '', from: '', to: '' };

/** The audit log, newest first, filtered by actor, action (or prefix) and time; "load more" follows next_cursor. */
export function AuditSection({ adminApi, onUnauthorized }: { adminApi: AdminApi; onUnauthorized: () => void }) {
  const { lang } = usePrefs();
  const [form, setForm] = useState(EMPTY);
  const [filters, setFilters] = useState<AuditFilters>({});
  const [items, setItems] = useState<AuditRecord[] | null>(null);
  const [cursor, setCursor] = useState<number | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const load = useCallback(
    async (f: AuditFilters, after?: number) => {
      setBusy(true);
      setErrors(NO_ERRORS);
      try {
        const page = await adminApi.audit(f, after);
        setItems((prev) => (after === undefined ? page.items : [...(prev ?? []), ...page.items]));
        setCursor(page.next_cursor);
      } catch (err) {
        if (err instanceof AdminApiError && err.status === 401) return onUnauthorized();
        setErrors(formErrors(err, lang));
      } finally {
        setBusy(false);
      }
    },
    [adminApi, lang, onUnauthorized],
  );

  useEffect(() => {
    void load(filters);
    // Only a new filter set reloads (load changes with the language too, which must not refetch).
  }, [filters, adminApi]);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilters({ actor: form.actor.trim() || undefined, action: form.action.trim() || undefined, from: zonedInputToIso(form.from), to: zonedInputToIso(form.to) });
  };
  const clear = () => {
    setForm(EMPTY);
    setFilters({});
  };
  const set = (k: keyof typeof EMPTY) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const general = leftover(errors, ['actor', 'action', 'from', 'to']);

  return (
    <section className="admin-section" aria-labelledby="audit-title" data-testid="audit-section">
      <h1 id="audit-title" className="section-title">{ta(lang, 'audit')} <span className="muted small">· {ta(lang, 'newestFirst')} · {ta(lang, 'almatyTime')}</span></h1>
      <form className="card admin-form" onSubmit={apply} noValidate data-testid="audit-filters">
        <div className="admin-form-grid">
          <Field label={ta(lang, 'actor')} name="actor" error={errors.fields.actor}>
            <input name="actor" value={form.actor} onChange={set('actor')} />
          </Field>
          <Field label={ta(lang, 'actionFilter')} name="action" error={errors.fields.action}>
            <input name="action" placeholder="user.create, incident" value={form.action} onChange={set('action')} />
          </Field>
          <Field label={ta(lang, 'from')} name="from" error={errors.fields.from}>
            <input name="from" type="datetime-local" value={form.from} onChange={set('from')} />
          </Field>
          <Field label={ta(lang, 'to')} name="to" error={errors.fields.to}>
            <input name="to" type="datetime-local" value={form.to} onChange={set('to')} />
          </Field>
        </div>
        <div className="admin-form-actions">
          <button type="submit" disabled={busy} data-testid="audit-apply">{ta(lang, 'filter')}</button>
          <button type="button" onClick={clear}>{ta(lang, 'clear')}</button>
          {general && <span className="error" role="alert">{general}</span>}
        </div>
      </form>
      {!items && busy && <p className="empty">{ta(lang, 'loading')}</p>}
      {items && (
        <div className="table-scroll card">
          <table className="admin-table" data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">{ta(lang, 'when')}</th>
                <th scope="col">{ta(lang, 'who')}</th>
                <th scope="col">{ta(lang, 'action')}</th>
                <th scope="col">{ta(lang, 'target')}</th>
                <th scope="col">{ta(lang, 'changes')}</th>
                <th scope="col">{ta(lang, 'address')}</th>
              </tr>
            </thead>
            <tbody>
              {items.length === 0 && (
                <tr><td colSpan={6} className="empty">{ta(lang, 'noEntries')}</td></tr>
              )}
              {items.map((r) => (
                <tr key={r.id} data-testid="audit-row" data-action={r.action} data-target={r.target ?? ''}>
                  <td className="nowrap"><time dateTime={r.at}>{formatTime(r.at, lang)}</time></td>
                  <td>{r.actor_email ?? ta(lang, 'system')}</td>
                  <td title={r.action}>{tOr(lang, `audit.${r.action}`, r.action)}</td>
                  <td className="mono">{r.target ?? '—'}</td>
                  <td className="mono changes" title={JSON.stringify(r.changes)}>{compactJson(r.changes)}</td>
                  <td className="mono">{r.client_address ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {cursor !== null && (
            <button type="button" className="more" disabled={busy} onClick={() => void load(filters, cursor)} data-testid="audit-more">{ta(lang, 'more')}</button>
          )}
        </div>
      )}
    </section>
  );
}
