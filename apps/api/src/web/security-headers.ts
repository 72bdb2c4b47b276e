import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * HTTP hygiene on every answer (pages, API, docs): a content security policy that allows only
 * this origin (scripts, styles, the socket.io connection), no framing (the board's buttons cannot
 * be clickjacked), nosniff, a strict referrer policy and HSTS (browsers honour it over HTTPS only).
 * Inline styles stay allowed: React and Recharts set style attributes, and Swagger UI needs them.
 */
export async function registerSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  await app.register(helmet, {
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
  });
}
