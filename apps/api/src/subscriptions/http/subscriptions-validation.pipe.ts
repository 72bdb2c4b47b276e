import { zodIssuesToFieldProblems } from '@kuzet/contracts';
import { createZodValidationPipe } from 'nestjs-zod';
import { ZodError } from 'zod';
import { SubscriptionRequestError } from '../subscriptions.errors';

/** Validates the subscription routes' zod DTOs; problems name the field. */
export const SubscriptionsValidationPipe = createZodValidationPipe({
  createValidationException: (error: unknown) =>
    error instanceof ZodError
      ? new SubscriptionRequestError(zodIssuesToFieldProblems(error.issues))
      : new SubscriptionRequestError([{ field: '(body)', message: String(error) }]),
});
