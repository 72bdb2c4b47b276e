import { BadRequestException } from '@nestjs/common';
import { PUBLIC_LANGUAGES, type PublicLanguage } from '@kuzet/contracts';
import type { IncidentCursor } from './public-status.repository';

/** An optional integer query parameter in [min, max]; 400 naming the field otherwise. */
export function intParam(field: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value)) throw new BadRequestException(`${field}: expected an integer from ${min} to ${max}`);
  const n = Number(value);
  if (n < min || n > max) throw new BadRequestException(`${field}: expected an integer from ${min} to ${max}`);
  return n;
}

/** ?lang=kk|ru|en, Russian by default. */
export function languageParam(value: string | undefined): PublicLanguage {
  if (value === undefined || value === '') return 'ru';
  if (!(PUBLIC_LANGUAGES as readonly string[]).includes(value))
    throw new BadRequestException(`lang: expected one of ${PUBLIC_LANGUAGES.join(', ')}`);
  return value as PublicLanguage;
}

export function encodeCursor(c: IncidentCursor): string {
  return Buffer.from(`${c.openedAt}|${c.id}`).toString('base64url');
}

export function decodeCursor(value: string | undefined): IncidentCursor | null {
  if (value === undefined || value === '') return null;
  const [openedAt, id] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  if (!openedAt || Number.isNaN(Date.parse(openedAt)) || !/^\d+$/.test(id ?? ''))
    throw new BadRequestException('cursor: not a cursor from a previous page');
  return { openedAt, id: Number(id) };
}

/** A positive integer path id; 400 otherwise. */
export function idParam(field: string, value: string): number {
  if (!/^\d{1,15}$/.test(value)) throw new BadRequestException(`${field}: expected a positive integer`);
  return Number(value);
}
