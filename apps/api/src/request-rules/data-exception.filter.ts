import { ArgumentsHost, Catch, HttpStatus, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { FastifyReply } from 'fastify';

/** SQLSTATE class 22, "data exception": a value PostgreSQL cannot take (bad text, out of range, bad format). */
const DATA_EXCEPTION = /^22[0-9A-Z]{3}$/;

/** The SQLSTATE of a PostgreSQL error, whether raw (pg) or wrapped (TypeORM's QueryFailedError). */
export function sqlState(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const own = (error as { code?: unknown }).code;
  const driver = (error as { driverError?: { code?: unknown } }).driverError?.code;
  const code = typeof driver === 'string' ? driver : own;
  return typeof code === 'string' && DATA_EXCEPTION.test(code) ? code : undefined;
}

/**
 * The last line behind the request rules: a value that reached the database and was refused there
 * (22021 invalid byte sequence, 22P05 untranslatable character, 22003 out of range…) was the
 * request's fault: 400, never a 500 with a stack. Everything else goes to Nest's own handling.
 */
@Catch()
export class DataExceptionFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('RequestRules');

  override catch(exception: unknown, host: ArgumentsHost): void {
    const code = host.getType() === 'http' ? sqlState(exception) : undefined;
    if (!code) return super.catch(exception, host);
    this.logger.warn({ event: 'request.data_exception', sqlstate: code, err: exception });
    const message = 'a value of the request cannot be stored (not valid text, out of range or malformed)';
    void host
      .switchToHttp()
      .getResponse<FastifyReply>()
      .status(HttpStatus.BAD_REQUEST)
      .send({ statusCode: 400, error: 'Bad Request', message: `Validation failed: ${message}`, errors: [{ field: '(request)', message }] });
  }
}
