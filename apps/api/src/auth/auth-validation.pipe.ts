import { BadRequestException } from '@nestjs/common';
import { FieldProblem, zodIssuesToFieldProblems } from '@kuzet/contracts';
import { createZodValidationPipe } from 'nestjs-zod';
import { ZodError } from 'zod';

/** 400 {message, errors: [{field, message}]}, the shape of the other controllers' validation errors. */
export function fieldsBadRequest(errors: FieldProblem[]): BadRequestException {
  const first = errors[0] ? `: ${errors[0].field}: ${errors[0].message}` : '';
  return new BadRequestException({ statusCode: 400, error: 'Bad Request', message: `Validation failed${first}`, errors });
}

/** Validates the zod DTOs of the auth, users and audit controllers; problems name the field. */
export const AuthValidationPipe = createZodValidationPipe({
  createValidationException: (error: unknown) =>
    fieldsBadRequest(
      error instanceof ZodError ? zodIssuesToFieldProblems(error.issues) : [{ field: '(body)', message: String(error) }],
    ),
});
