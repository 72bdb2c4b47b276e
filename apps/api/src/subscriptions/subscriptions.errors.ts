import type { FieldProblem } from '@kuzet/contracts';

/** A bad sign-up, confirmation or unsubscribe request: 400 naming the fields. */
export class SubscriptionRequestError extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('; '));
    this.name = 'SubscriptionRequestError';
  }
}

/** The scope names no public system or agency (a non-public one looks the same): 404. */
export class SubscriptionScopeNotFoundError extends Error {
  constructor(kind: 'system' | 'agency', code: string) {
    super(`no public ${kind} "${code}"`);
    this.name = 'SubscriptionScopeNotFoundError';
  }
}

/** Too many sign-ups from this client address or for this e-mail: 429 with Retry-After. */
export class SubscriptionRateLimitedError extends Error {
  constructor(readonly retryAfterS: number) {
    super('too many sign-ups; try again later');
    this.name = 'SubscriptionRateLimitedError';
  }
}
