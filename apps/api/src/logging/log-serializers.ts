import { stdSerializers } from 'pino';
import { redactHeaders, redactQuery, redactText, redactUrl } from './log-redaction';

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

/** The logged error: message and stack with any credential they quote (a URL, a bearer token) replaced. */
export function serializeError(err: SerializedError): SerializedError {
  if (!err || typeof err !== 'object') return err;
  const out = { ...err } as SerializedError & Record<string, unknown>;
  if (typeof out.message === 'string') out.message = redactText(out.message);
  if (typeof out.stack === 'string') out.stack = redactText(out.stack);
  return out;
}
