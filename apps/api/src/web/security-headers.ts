import fastifyHelmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * HTTP hygiene on every answer (pages, API, docs): a content security policy that allows only
 * this origin (scripts, styles, the socket.io connection), no framing (the board's buttons cannot
 * be clickjacked), nosniff, a strict referrer policy and HSTS (browsers honour it over HTTPS only).
 * Inline styles stay allowed: React and Recharts set style attributes, and Swagger UI needs them.
 */
export const SECURITY_HEADER_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:'],
      'font-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
    },
  },
  crossOriginEmbedderPolicy: false,
  // Two years: the MDN HTTP Observatory asks for at least six months (helmet's default is 180 days).
  strictTransportSecurity: { maxAge: 63_072_000, includeSubDomains: true },
  referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
};

export async function registerSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  await app.register(fastifyHelmet, SECURITY_HEADER_OPTIONS);
}

/**
 * The headers helmet sets with these options, computed once by helmet itself: they are the same
 * on every answer (no nonces), so an answer made before helmet's hook runs (the public fast path)
 * carries exactly these.
 */
export function securityHeaderValues(): ReadonlyArray<readonly [string, string]> {
  const headers: [string, string][] = [];
  const recorder = {
    setHeader: (name: string, value: unknown) => void headers.push([name.toLowerCase(), String(value)]),
    removeHeader: () => undefined,
  };
  let done = false;
  helmet(SECURITY_HEADER_OPTIONS)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
    done = true;
  });
  // helmet's middlewares are synchronous; a future version that is not would leave this empty.
  if (!done) throw new Error('helmet did not finish synchronously: security headers cannot be precomputed');
  return headers;
}
