import type { FieldProblem } from '@kuzet/contracts';

/** A users request names a bad field (400), e.g. an unknown agency or a taken e-mail. */
export class UsersRequestError extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('; '));
    this.name = 'UsersRequestError';
  }
}

export class UserNotFoundError extends Error {
  constructor(readonly id: number | string) {
    super(`user ${id} not found`);
    this.name = 'UserNotFoundError';
  }
}

/** The e-mail is taken (case-insensitively). */
export class UserEmailTakenError extends Error {
  constructor(readonly email: string) {
    super(`a user with e-mail ${email} exists`);
    this.name = 'UserEmailTakenError';
  }
}

/**
 * The change met another one (409): the acting admin lost its rights meanwhile, or the database
 * reported a deadlock or serialization failure. Retrying after a fresh look is safe.
 */
export class UserChangeConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserChangeConflictError';
  }
}
