import type { IncomingHttpHeaders } from 'node:http';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Heartbeat pushes come from cron jobs and CI steps (`curl -d @log`), whatever their body: the
 * body is ignored and the push token in the path is the credential, so any content type is taken.
 * Likewise the one-click unsubscribe (RFC 8058): mail providers POST a form to the link.
 */
const ANY_BODY_PATHS = [/^\/api\/push\//, /^\/api\/public\/v1\/subscriptions\/unsubscribe$/];

/**
 * The public page's sign-up form works without scripts, so it posts a plain form. A cross-site
 * post there can only start a double opt-in, which the address's owner must still confirm. (Nest's
 * Fastify adapter parses urlencoded bodies, within the app's body limit.)
 */
const FORM_PATHS = [/^\/api\/public\/v1\/subscriptions\/form$/];
const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded';

/**
 * Writes to the API carry JSON or nothing. A browser sends a cross-site form (urlencoded,
 * multipart, text/plain) without a preflight; refusing every other type closes login CSRF and
 * leaves a cross-site request only JSON, which needs CORS the API never grants.
 * Returns why the request is refused (415), or undefined when it may pass.
 */
export function jsonBodyRefusal(method: string, url: string, headers: IncomingHttpHeaders): string | undefined {
  if (!WRITE_METHODS.has(method.toUpperCase())) return undefined;
  const path = url.split('?')[0];
  if (!path.startsWith('/api/') || ANY_BODY_PATHS.some((p) => p.test(path))) return undefined;
  const hasBody = Number(headers['content-length'] ?? 0) > 0 || headers['transfer-encoding'] !== undefined;
  if (!hasBody) return undefined;
  const mediaType = String(headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (mediaType === 'application/json') return undefined;
  if (mediaType === FORM_MEDIA_TYPE && FORM_PATHS.some((p) => p.test(path))) return undefined;
  return `a request body must be sent as application/json (Content-Type: application/json), not ${mediaType || 'without a content type'}`;
}
