import { CatalogProblem, FieldProblem, formatCatalogProblem } from '@kuzet/contracts';

/** A catalog (folder or submitted files) failed validation; nothing was applied. */
export class CatalogValidationError extends Error {
  constructor(readonly problems: CatalogProblem[]) {
    super(
      `catalog is invalid (${problems.length} ${problems.length === 1 ? 'error' : 'errors'}):\n${problems.map(formatCatalogProblem).join('\n')}`,
    );
    this.name = 'CatalogValidationError';
  }
}

/** reload() without a folder to read from. */
export class CatalogFolderNotSetError extends Error {
  constructor() {
    super('no catalog folder is set (KUZET_CATALOG_DIR, or the demo catalog)');
    this.name = 'CatalogFolderNotSetError';
  }
}

/** A REST write names something that does not fit the stored catalog (unknown agency, cycle...). */
export class CatalogRequestError extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('; '));
    this.name = 'CatalogRequestError';
  }
}

export class CatalogItemNotFoundError extends Error {
  constructor(
    readonly kind: string,
    readonly code: string,
  ) {
    super(`${kind} "${code}" not found`);
    this.name = 'CatalogItemNotFoundError';
  }
}

export class CatalogItemExistsError extends Error {
  constructor(
    readonly kind: string,
    readonly code: string,
  ) {
    super(`${kind} "${code}" already exists (a disabled one is re-enabled with PATCH {"enabled": true})`);
    this.name = 'CatalogItemExistsError';
  }
}
