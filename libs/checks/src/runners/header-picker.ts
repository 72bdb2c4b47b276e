import type { IncomingHttpHeaders } from 'node:http';
import { PICKED_HEADER_NAMES, PickedHeaders } from '../check-run-result';

/** Flattens node's headers (arrays for repeated ones) into lower-cased name -> "a, b" text. */
export function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return flat;
}

/**
 * Keeps only the headers the tech-debt scorer reads (software banners and security headers), so
 * results stay small and never carry cookies or other response secrets.
 */
export function pickHeaders(headers: Record<string, string>): PickedHeaders {
  const picked: PickedHeaders = {};
  for (const name of PICKED_HEADER_NAMES) {
    const value = headers[name];
    if (value !== undefined) picked[name] = value;
  }
  return picked;
}
