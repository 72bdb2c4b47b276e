import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
import { zodIssuesToFieldProblems } from '@kuzet/contracts';
import type { FastifyReply } from 'fastify';
import { ZodValidationException } from 'nestjs-zod';
import { ZodError } from 'zod';
import {
  CatalogFolderNotSetError,
  CatalogItemExistsError,
  CatalogItemNotFoundError,
  CatalogRequestError,
  CatalogValidationError,
} from '../catalog.errors';

/**
 * The catalog's errors as HTTP: 400 with the fields of a bad request, 422 with the file:line list
 * of a bad catalog folder, 404 / 409 for codes. ZodValidationException is caught too, in case a
 * global nestjs-zod pipe validated first, so every 400 of these routes has the same shape.
 */
@Catch(
  CatalogRequestError,
  CatalogValidationError,
  CatalogItemNotFoundError,
  CatalogItemExistsError,
  CatalogFolderNotSetError,
  ZodValidationException,
)
export class CatalogExceptionFilter implements ExceptionFilter {
  catch(error: Error, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const send = (statusCode: number, body: Record<string, unknown>) =>
      void reply.status(statusCode).send({ statusCode, ...body });

    if (error instanceof ZodValidationException) {
      const zodError = error.getZodError();
      const errors = zodError instanceof ZodError ? zodIssuesToFieldProblems(zodError.issues) : [];
      return send(HttpStatus.BAD_REQUEST, { message: summary(errors), errors });
    }
    if (error instanceof CatalogRequestError) {
      return send(HttpStatus.BAD_REQUEST, { message: summary(error.problems), errors: error.problems });
    }
    if (error instanceof CatalogValidationError) {
      const n = error.problems.length;
      return send(HttpStatus.UNPROCESSABLE_ENTITY, {
        message: `catalog is invalid (${n} ${n === 1 ? 'error' : 'errors'}); nothing was changed`,
        errors: error.problems,
      });
    }
    if (error instanceof CatalogItemNotFoundError)
      return send(HttpStatus.NOT_FOUND, { message: error.message });
    return send(HttpStatus.CONFLICT, { message: error.message });
  }
}

function summary(errors: { field: string; message: string }[]): string {
  if (!errors.length) return 'Validation failed';
  const first = `${errors[0].field}: ${errors[0].message}`;
  return errors.length === 1
    ? `Validation failed: ${first}`
    : `Validation failed: ${first} (and ${errors.length - 1} more)`;
}
