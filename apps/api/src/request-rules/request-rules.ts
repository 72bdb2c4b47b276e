import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { drainsRefusedBody } from './body-limit';
import { jsonBodyRefusal } from './json-body-rule';
import { findTextProblem } from './text-problems';

/**
 * Probe results quote the outside world (a target's error text, its headers): a NUL there is the
 * target's, not an attack, and refusing the batch would make the agent replay it forever. Their
 * store drops NUL instead (probing/results/nul-free-text.ts).
 */
const BODY_QUOTES_OUTSIDE_TEXT = new Set(['/api/probe/v1/results']);

/**
 * Rules every HTTP request obeys before any guard or handler runs (Fastify hooks, so routes
 * cannot forget them): writes under /api are JSON (415), and no path parameter, query parameter
 * or body field holds a NUL character (400 naming the field), and an oversized body gets its 413.
 */
export function registerRequestRules(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const refusal = jsonBodyRefusal(request.method, request.url, request.headers);
    if (refusal) return reply.code(415).send({ statusCode: 415, error: 'Unsupported Media Type', message: refusal });
  });
  // Mail providers may send the one-click unsubscribe (RFC 8058) as multipart; the body is never
  // read. Every other multipart write under /api was refused above (415).
  fastify.addContentTypeParser('multipart/form-data', { parseAs: 'string' }, (_request, _body, done) => done(null, {}));
  fastify.addHook('preValidation', async (request: FastifyRequest, reply: FastifyReply) => {
    const bodyChecked = !BODY_QUOTES_OUTSIDE_TEXT.has(request.url.split('?')[0]);
    const problem =
      findTextProblem(request.params) ?? findTextProblem(request.query) ?? (bodyChecked ? findTextProblem(request.body) : undefined);
    if (problem)
      return reply.code(400).send({
        statusCode: 400,
        error: 'Bad Request',
        message: `Validation failed: ${problem.field}: ${problem.message}`,
        errors: [problem],
      });
  });
  // Fastify closes the connection after a 413; a body refused on its declared length is read off
  // the wire instead, so the client sees the 413 rather than a reset (body-limit.ts).
  fastify.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (drainsRefusedBody(reply.statusCode, request.headers)) reply.removeHeader('connection');
    return payload;
  });
}
