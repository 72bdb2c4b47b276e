import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { UserChangeConflictError, UserEmailTakenError, UserNotFoundError, UsersRequestError } from './users.errors';

/** 400 naming the field, 404 for an unknown user, 409 for a taken e-mail (field email) or a lost race. */
@Catch(UsersRequestError, UserNotFoundError, UserEmailTakenError, UserChangeConflictError)
export class UsersExceptionFilter implements ExceptionFilter {
  catch(error: Error, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const send = (statusCode: number, body: Record<string, unknown>) => void reply.status(statusCode).send({ statusCode, ...body });
    if (error instanceof UsersRequestError) return send(HttpStatus.BAD_REQUEST, { message: `Validation failed: ${error.message}`, errors: error.problems });
    if (error instanceof UserNotFoundError) return send(HttpStatus.NOT_FOUND, { message: error.message });
    if (error instanceof UserChangeConflictError) return send(HttpStatus.CONFLICT, { message: error.message });
    return send(HttpStatus.CONFLICT, { message: error.message, errors: [{ field: 'email', message: 'taken' }] });
  }
}
