import { stdSerializers } from 'pino';
import { REDACTED, redactHeaders, redactQuery, redactText, redactUrl } from './log-redaction';

/** A request as pino-std-serializers gives it (pino-http wraps ours around theirs). */
interface SerializedRequest {
  url?: string;
  query?: unknown;
  params?: unknown;
  headers?: Record<string, unknown>;
  [key: string]: unknown;
}

interface SerializedResponse {
  headers?: Record<string, unknown>;
  [key: string]: unknown;
}

type SerializedError = ReturnType<typeof stdSerializers.err>;

/** The logged request: URL, query, route parameters and headers without credentials. */
export function serializeRequest(req: SerializedRequest): SerializedRequest {
  return {
    ...req,
    url: redactUrl(req.url),
    query: redactQuery(req.query),
    params: redactQuery(req.params),
    headers: redactHeaders(req.headers),
  };
}

/** The logged response: set-cookie and any credential header replaced. */
export function serializeResponse(res: SerializedResponse): SerializedResponse {
  return { ...res, headers: redactHeaders(res.headers) };
}

/** The logged error: its texts (message, stack, url…) and any headers it carries without credentials. */
export function serializeError(err: SerializedError): SerializedError {
  if (!err || typeof err !== 'object') return err;
  const out = { ...err } as SerializedError & Record<string, unknown>;
  for (const [key, value] of Object.entries(out)) {
    if (typeof value === 'string') out[key] = redactText(value);
    else if (key === 'headers' && value && typeof value === 'object') out[key] = redactHeaders(value as Record<string, unknown>);
    // A failed query's bound values (TypeORM's QueryFailedError.parameters) may be a token looked up.
    else if (key === 'parameters') out[key] = REDACTED;
  }
  return out;
}
