/**
 * What the log must never hold: credentials that would let a reader of the log act as someone
 * (session cookies, CSRF tokens, bearer and API tokens, heartbeat push tokens in URLs). Applied by
 * the pino serializers to every request, response and error that is logged.
 */
export const REDACTED = '[redacted]';

/** Header names that carry a credential, exactly (lower case, as Node gives them). */
const SECRET_HEADERS = new Set(['cookie', 'set-cookie', 'authorization', 'proxy-authorization', 'x-csrf-token', 'x-api-key']);

/** Any other header whose name says it holds a credential: x-auth-token, x-xsrf-token, x-api-secret… */
const SECRET_HEADER_NAME = /(token|secret|api-?key|password|session|signature)/i;

/** Query parameters whose value is a credential (token=, api_key=, secret=, sig=…). */
const SECRET_PARAM_NAME = /(token|secret|key|password|passwd|session|csrf|auth|sig)/i;

/** Path segments that are themselves the credential: /api/push/<token>. */
const SECRET_PATH = /(\/api\/push\/)[^/?#\s"']+/g;

/** Credentials inside free text (an error message, a stack): bearer tokens, the session cookie, query parameters. */
const SECRET_TEXT: Array<[RegExp, string]> = [
  [SECRET_PATH, `$1${REDACTED}`],
  [/\b(bearer\s+)[^\s"',;]+/gi, `$1${REDACTED}`],
  [/\b(kuzet_session=)[^\s"',;]+/g, `$1${REDACTED}`],
  [/([?&][^=&\s"'#]*(?:token|secret|key|password|session|csrf|auth|sig)[^=&\s"'#]*=)[^&\s"'#]+/gi, `$1${REDACTED}`],
];

export function isSecretHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return SECRET_HEADERS.has(lower) || SECRET_HEADER_NAME.test(lower);
}

export function isSecretParam(name: string): boolean {
  return SECRET_PARAM_NAME.test(name);
}

/** A copy of the headers with every credential replaced. */
export function redactHeaders<T extends Record<string, unknown>>(headers: T | undefined): T | undefined {
  if (!headers || typeof headers !== 'object') return headers;
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = isSecretHeader(name) ? REDACTED : value;
  return out as T;
}

/** A copy of a parsed query with the values of credential parameters replaced. */
export function redactQuery<T>(query: T): T {
  if (!query || typeof query !== 'object') return query;
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(query as Record<string, unknown>)) out[name] = isSecretParam(name) ? REDACTED : value;
  return out as T;
}

/** A URL (path and query) with push tokens and credential parameters replaced. */
export function redactUrl(url: string | undefined): string | undefined {
  if (typeof url !== 'string') return url;
  const [path, ...rest] = url.split('?');
  const redactedPath = path.replace(SECRET_PATH, `$1${REDACTED}`);
  if (rest.length === 0) return redactedPath;
  const params = rest
    .join('?')
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      return eq >= 0 && isSecretParam(safeDecode(name)) ? `${name}=${REDACTED}` : pair;
    });
  return `${redactedPath}?${params.join('&')}`;
}

/** Free text with any credential it visibly carries replaced. */
export function redactText(text: string): string {
  return SECRET_TEXT.reduce((t, [pattern, replacement]) => t.replace(pattern, replacement), text);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
