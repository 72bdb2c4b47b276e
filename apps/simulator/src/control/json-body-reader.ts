import type { IncomingMessage } from 'node:http';
import { ControlHttpError } from './control-errors';

export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Reads a JSON request body, at most MAX_BODY_BYTES (413 beyond, reading stops at once).
 * An empty body reads as undefined; anything that is not JSON is a 400.
 */
export async function readJsonBody(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes)
    throw new ControlHttpError(413, `request body over ${maxBytes} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new ControlHttpError(413, `request body over ${maxBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ControlHttpError(400, 'request body is not valid JSON');
  }
}
