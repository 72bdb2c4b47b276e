import { z } from 'zod';
import { expected } from './schema-messages';

// A catalog file's top level. Items are validated one by one (see the item schemas) so that one
// broken item neither hides the errors of the others nor makes its code look unknown elsewhere.
const list = z.array(z.unknown(), { error: expected('expected a list') });

export const catalogFileShapeSchema = z.strictObject(
  {
    categories: list.optional(),
    agencies: list.optional(),
    systems: list.optional(),
    maintenance: list.optional(),
  },
  { error: 'expected a mapping with any of the keys categories, agencies, systems, maintenance' },
);

export const CATALOG_SECTIONS = ['categories', 'agencies', 'systems', 'maintenance'] as const;
export type CatalogSection = (typeof CATALOG_SECTIONS)[number];
