import { z } from 'zod';
import { expected } from './schema-messages';

/** Codes are the identity of catalog items: lowercase, URL- and file-name-safe, at most 63 characters. */
export const CATALOG_CODE_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

export const catalogCodeSchema = z
  .string({ error: expected('expected a code (a string)') })
  .regex(CATALOG_CODE_PATTERN, 'must match ^[a-z0-9][a-z0-9-]{0,62}$ (lowercase letters, digits and dashes)');

/** The full key of a check: "<system code>/<check code>". */
export function checkKey(systemCode: string, checkCode: string): string {
  return `${systemCode}/${checkCode}`;
}
