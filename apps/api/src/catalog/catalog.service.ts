import { Injectable, Logger } from '@nestjs/common';
import { CatalogApplyResult, CatalogValidateResponse, formatCatalogProblem } from '@kuzet/contracts';
import { AppConfig } from '../config/app-config';
import { CatalogApplyService } from './apply/catalog-apply.service';
import { CatalogFolderNotSetError, CatalogValidationError } from './catalog.errors';
import { CatalogWatcherService } from './catalog-watcher.service';
import { CatalogLoaderService, CatalogPolicy } from './loader/catalog-loader.service';

/**
 * The catalog's entry points: load a folder at boot, reload it (watcher, REST), validate files
 * without storing them. Reloads run one at a time; a failed one leaves the stored catalog as it
 * was.
 */
@Injectable()
export class CatalogService {
  private readonly logger = new Logger(CatalogService.name);
  private folder: string | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly config: AppConfig,
    private readonly loader: CatalogLoaderService,
    private readonly applier: CatalogApplyService,
    private readonly watcher: CatalogWatcherService,
  ) {
    this.folder = config.catalogDir;
  }

  /** The folder reload() reads: KUZET_CATALOG_DIR, or the one loadFromFolder was last given. */
  get catalogFolder(): string | undefined {
    return this.folder;
  }

  get policy(): CatalogPolicy {
    return { minIntervalS: this.config.minIntervalS, probeAllow: this.config.probeAllow, env: this.config.catalogEnv };
  }

  /**
   * Makes dir the catalog folder, starts watching it when KUZET_CATALOG_WATCH is on (also when
   * this first load fails, so that a fix is picked up), and applies it.
   * @throws CatalogValidationError; the stored catalog is then unchanged
   */
  async loadFromFolder(dir: string): Promise<CatalogApplyResult> {
    this.folder = dir;
    if (this.config.catalogWatch) {
      await this.watcher.watch(dir, () => void this.reloadFromWatcher());
    }
    return this.reload();
  }

  /**
   * Validates and applies the catalog folder.
   * @throws CatalogFolderNotSetError, CatalogValidationError
   */
  reload(): Promise<CatalogApplyResult> {
    const run = this.queue.then(() => this.reloadNow());
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Validates files given in memory (name -> content); nothing is stored. */
  validateFiles(files: Record<string, string>): CatalogValidateResponse {
    const result = this.loader.validateFiles(files, this.policy);
    return { valid: result.ok, counts: result.counts, errors: result.ok ? [] : result.problems };
  }

  private async reloadNow(): Promise<CatalogApplyResult> {
    const dir = this.folder;
    if (!dir) throw new CatalogFolderNotSetError();
    let loaded;
    try {
      loaded = await this.loader.loadFolder(dir, this.policy);
    } catch (error) {
      if (error instanceof CatalogValidationError) {
        this.logger.warn({ event: 'catalog.invalid', dir, errors: error.problems.length });
        // One log line per problem, in the file:line: field: message form editors can jump to.
        for (const p of error.problems)
          this.logger.warn({ event: 'catalog.error', dir, error: formatCatalogProblem(p) });
      }
      throw error;
    }
    const result = await this.applier.apply(loaded.catalog, {
      source: 'folder',
      scope: 'full',
      contentHash: loaded.contentHash,
    });
    this.logger.log({
      event: result.changed ? 'catalog.reloaded' : 'catalog.unchanged',
      dir,
      counts: loaded.counts,
      revision: result.revision_id,
    });
    return result;
  }

  private async reloadFromWatcher(): Promise<void> {
    try {
      await this.reload();
    } catch (error) {
      // The running catalog stays; the problems were logged line by line in reloadNow.
      if (!(error instanceof CatalogValidationError)) {
        this.logger.error({ event: 'catalog.reload_failed', error: (error as Error).message });
      }
    }
  }
}
