/** The input file is not the format asked for (or not a format the importer knows). */
export class CatalogImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogImportError';
  }
}
