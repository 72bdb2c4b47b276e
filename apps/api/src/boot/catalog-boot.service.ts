import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CatalogValidationError } from '../catalog/catalog.errors';
import { CatalogService } from '../catalog/catalog.service';
import { AppConfig } from '../config/app-config';
import { StorageModeService } from '../database/storage-mode.service';
import { SimulatorProcess } from '../demo/simulator-process.service';

/**
 * Start-up order after the schema is migrated (StorageModeService is built only then):
 * the demo simulator (when on) writes its catalog, then the catalog folder is loaded and watched.
 * A bad catalog is logged line by line and the previous catalog keeps running: never a crash.
 */
@Injectable()
export class CatalogBootService implements OnApplicationBootstrap {
  private readonly logger = new Logger(CatalogBootService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly catalog: CatalogService,
    private readonly simulator: SimulatorProcess,
    readonly migratedStorage: StorageModeService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    let dir = this.config.catalogDir;
    if (this.config.demo) {
      const ready = await this.simulator.start();
      dir ??= ready.catalogDir;
    }
    if (!dir) return;
    try {
      const result = await this.catalog.loadFromFolder(dir);
      this.logger.log({ msg: 'catalog loaded', dir, result });
    } catch (error) {
      if (!(error instanceof CatalogValidationError)) throw error;
      this.logger.error({ msg: 'catalog not loaded: invalid; the stored catalog stays in force', dir, problems: error.problems.length });
    }
  }
}
