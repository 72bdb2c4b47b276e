import type { Lang } from '../i18n';
import { AdminApiError } from './admin-api';
import { ta } from './admin-i18n';

/** What a refused write shows: a message next to each named field, and one for the form. */
export interface FormErrors {
  fields: Record<string, string>;
  form: string | null;
}

export const NO_ERRORS: FormErrors = { fields: {}, form: null };

/**
 * Maps an API refusal onto the form: a 409 naming the e-mail is a taken e-mail (another 409, a
 * change that lost a race, shows at the form), the last-admin guard and a missing agency get
 * their own translated words, any other field problem shows the API's own text.
 */
export function formErrors(err: unknown, lang: Lang): FormErrors {
  if (!(err instanceof AdminApiError)) return { fields: {}, form: err instanceof Error ? err.message : String(err) };
  if (err.status === 409 && err.problems.some((p) => p.field === 'email')) return { fields: { email: ta(lang, 'emailTaken') }, form: null };
  const fields: Record<string, string> = {};
  for (const p of err.problems) {
    const field = p.field || '(body)';
    const text = /last enabled admin/.test(p.message)
      ? ta(lang, 'lastAdmin')
      : /needs an agency/.test(p.message)
        ? ta(lang, 'field.required')
        : p.message;
    fields[field] = fields[field] ? `${fields[field]}; ${text}` : text;
  }
  const named = Object.keys(fields).length > 0;
  return { fields, form: named ? null : `${ta(lang, 'failed')}: ${err.message}` };
}

/** Problems a form has no input for (e.g. "(body)") still show, at the form. */
export function leftover(errors: FormErrors, shown: readonly string[]): string | null {
  const rest = Object.entries(errors.fields).filter(([f]) => !shown.includes(f));
  const parts = rest.map(([f, m]) => `${f}: ${m}`);
  if (errors.form) parts.unshift(errors.form);
  return parts.length ? parts.join('; ') : null;
}
