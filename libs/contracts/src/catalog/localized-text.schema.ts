import { z } from 'zod';
import { expected } from './schema-messages';

const text = z
  .string({ error: expected('expected a string') })
  .trim()
  .min(1, 'must not be empty')
  .max(500, 'at most 500 characters');

/** A text in Kazakh, Russian and English; all three are required because the public page shows each. */
export const localizedTextSchema = z.strictObject({ kk: text, ru: text, en: text });
export type LocalizedText = z.infer<typeof localizedTextSchema>;
