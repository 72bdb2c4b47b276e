import { Injectable } from '@nestjs/common';
import { CatalogCounts, EnvLookup } from '@kuzet/contracts';
import { CatalogValidationError } from '../catalog.errors';
import { CatalogFolderReader } from './catalog-folder.reader';
import { CatalogSourceFile, isCatalogDocumentPath } from './catalog-source';
import { validateCatalog } from './catalog-validator';
import { LoadedCatalog } from './loaded-catalog';

export interface CatalogPolicy {
  minIntervalS: number;
  probeAllow: readonly string[];
  /** Resolves `${env:NAME}` in check secrets (AppConfig.catalogEnv); a reference to an unset variable is an error. */
  env: EnvLookup;
}

export interface LoadedFolder {
  catalog: LoadedCatalog;
  counts: CatalogCounts;
  contentHash: string;
}

/**
 * Reads and validates a catalog: a folder (boot, watcher, reload, CLI) or files given in a
 * request (POST /api/catalog/validate). Takes the policy per call so that the CLI can use it
 * without the application's configuration.
 */
@Injectable()
export class CatalogLoaderService {
  constructor(private readonly reader: CatalogFolderReader) {}

  /** @throws CatalogValidationError with every problem found */
  async loadFolder(dir: string, policy: CatalogPolicy): Promise<LoadedFolder> {
    const snapshot = await this.reader.read(dir);
    const result = validateCatalog(snapshot.files, { ...policy, readAuxFile: snapshot.readAuxFile });
    if (!result.ok) throw new CatalogValidationError(result.problems);
    return { catalog: result.catalog, counts: result.counts, contentHash: result.contentHash };
  }

  /** Validates files held in memory (name -> content); CA files may be among them. */
  validateFiles(files: Record<string, string>, policy: CatalogPolicy) {
    const normalized = new Map(
      Object.entries(files).map(([name, content]) => [
        name.replace(/\\/g, '/').replace(/^\.\//, ''),
        content,
      ]),
    );
    const sources: CatalogSourceFile[] = [...normalized]
      .filter(([name]) => isCatalogDocumentPath(name))
      .map(([path, content]) => ({ path, content }));
    return validateCatalog(sources, { ...policy, readAuxFile: (rel) => normalized.get(rel) });
  }
}
