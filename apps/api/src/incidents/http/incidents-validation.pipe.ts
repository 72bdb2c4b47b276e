import { zodIssuesToFieldProblems } from '@kuzet/contracts';
import { createZodValidationPipe } from 'nestjs-zod';
import { ZodError } from 'zod';
import { IncidentsRequestError } from '../incidents.errors';

/** Validates queries, params and bodies typed with the incidents' zod DTOs; problems name the field. */
export const IncidentsValidationPipe = createZodValidationPipe({
  createValidationException: (error: unknown) =>
    error instanceof ZodError
      ? new IncidentsRequestError(zodIssuesToFieldProblems(error.issues))
      : new IncidentsRequestError([{ field: '(body)', message: String(error) }]),
});
