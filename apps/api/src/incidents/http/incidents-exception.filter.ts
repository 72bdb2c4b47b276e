import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
import { zodIssuesToFieldProblems } from '@kuzet/contracts';
import type { FastifyReply } from 'fastify';
import { ZodValidationException } from 'nestjs-zod';
import { ZodError } from 'zod';
import { IncidentNotFoundError, IncidentsRequestError, IncidentStateError } from '../incidents.errors';

/** 400 with the fields of a bad request, 404 for an unknown incident, 409 for a state conflict. */
@Catch(IncidentsRequestError, IncidentNotFoundError, IncidentStateError, ZodValidationException)
export class IncidentsExceptionFilter implements ExceptionFilter {
  catch(error: Error, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const send = (statusCode: number, body: Record<string, unknown>) =>
      void reply.status(statusCode).send({ statusCode, ...body });
    if (error instanceof ZodValidationException || error instanceof IncidentsRequestError) {
      const zodError = error instanceof ZodValidationException ? error.getZodError() : undefined;
      const errors =
        error instanceof IncidentsRequestError
          ? error.problems
          : zodError instanceof ZodError
            ? zodIssuesToFieldProblems(zodError.issues)
            : [];
      const first = errors[0] ? `: ${errors[0].field}: ${errors[0].message}` : '';
      return send(HttpStatus.BAD_REQUEST, { message: `Validation failed${first}`, errors });
    }
    if (error instanceof IncidentNotFoundError) return send(HttpStatus.NOT_FOUND, { message: error.message });
    return send(HttpStatus.CONFLICT, { message: error.message });
  }
}
