import { z } from 'zod';
import { expected } from './schema-messages';

const textOf = (max: number, what: string) =>
  z
    .string({ error: expected('expected a string') })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `at most ${max} characters${what}`);

const text = textOf(500, '');

/** A text in Kazakh, Russian and English; all three are required because the public page shows each. */
export const localizedTextSchema = z.strictObject({ kk: text, ru: text, en: text });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

const shortText = textOf(40, ' (a short name for a tile)');

/** A short name in Kazakh, Russian and English, for tiles and wall cells where the full name does not fit. */
export const localizedShortTextSchema = z.strictObject({ kk: shortText, ru: shortText, en: shortText });
