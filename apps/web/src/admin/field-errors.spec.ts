import { AdminApiError } from './admin-api';
import { formErrors, leftover } from './field-errors';

describe('formErrors', () => {
  it('puts a 409 on the e-mail field', () => {
    const e = formErrors(new AdminApiError(409, 'a user with e-mail x exists', [{ field: 'email', message: 'taken' }]), 'en');
    expect(e).toEqual({ fields: { email: 'This e-mail is taken' }, form: null });
  });

  it('shows a 409 of a lost race (no field named) at the form, not as a taken e-mail', () => {
    const message = 'your account was changed meanwhile: you are no longer an enabled admin; nothing was changed';
    const e = formErrors(new AdminApiError(409, message, []), 'en');
    expect(e.fields).toEqual({});
    expect(e.form).toContain(message);
  });

  it('names each field of a 400, translating the last-admin guard and a missing agency', () => {
    const e = formErrors(
      new AdminApiError(400, 'Validation failed', [
        { field: 'role', message: 'the last enabled admin keeps its role and stays enabled' },
        { field: 'agency', message: 'an agency_operator needs an agency' },
        { field: 'password', message: 'at least 8 characters' },
      ]),
      'ru',
    );
    expect(e.fields).toEqual({
      role: 'Последнего активного администратора нельзя понизить или отключить',
      agency: 'Обязательное поле',
      password: 'at least 8 characters',
    });
    expect(e.form).toBeNull();
  });

  it('falls back to a form message when no field is named, and shows unplaced fields at the form', () => {
    expect(formErrors(new AdminApiError(500, 'Internal Server Error', []), 'en').form).toBe('The action failed: Internal Server Error');
    expect(formErrors(new Error('offline'), 'en').form).toBe('offline');
    const e = formErrors(new AdminApiError(400, 'x', [{ field: '(body)', message: 'nothing to change' }]), 'en');
    expect(leftover(e, ['email'])).toBe('(body): nothing to change');
    expect(leftover(e, ['(body)'])).toBeNull();
  });
});
