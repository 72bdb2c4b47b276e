import { ForbiddenException } from '@nestjs/common';

/** An agency operator reached for another agency's data (403). */
export class OtherAgencyError extends ForbiddenException {
  constructor(what: string) {
    super(`${what} belongs to another agency`);
    this.name = 'OtherAgencyError';
  }
}

/** Sign-in failed: one message whether the e-mail or the password was wrong. */
export const BAD_CREDENTIALS = 'wrong e-mail or password';
