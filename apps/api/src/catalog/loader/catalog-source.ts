/** One file of a catalog folder, as read: path relative to the folder ('/'-separated), text. */
export interface CatalogSourceFile {
  path: string;
  content: string;
}

/** Only these are catalog documents; other files (CA certificates) may be referenced by them. */
export function isCatalogDocumentPath(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}
