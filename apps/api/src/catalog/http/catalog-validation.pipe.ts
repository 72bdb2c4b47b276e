import { zodIssuesToFieldProblems } from '@kuzet/contracts';
import { createZodValidationPipe } from 'nestjs-zod';
import { ZodError } from 'zod';
import { CatalogRequestError } from '../catalog.errors';

/** Validates bodies and queries typed with the catalog's zod DTOs; problems name the field. */
export const CatalogValidationPipe = createZodValidationPipe({
  createValidationException: (error: unknown) =>
    error instanceof ZodError
      ? new CatalogRequestError(zodIssuesToFieldProblems(error.issues))
      : new CatalogRequestError([{ field: '(body)', message: String(error) }]),
});
