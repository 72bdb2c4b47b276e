import { z } from 'zod';
import { catalogCodeSchema } from './catalog-code';
import { localizedTextSchema } from './localized-text.schema';

/** A grouping of systems on the public page (documents, health, taxes...). */
export const categoryDocumentSchema = z.strictObject({
  code: catalogCodeSchema,
  name: localizedTextSchema,
});
export type CategoryDocument = z.output<typeof categoryDocumentSchema>;
