import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogApplyService } from './apply/catalog-apply.service';
import { PushTokenGenerator } from './apply/push-token.generator';
import { CatalogEvents } from './catalog-events.service';
import { CatalogRepository } from './catalog.repository';
import { CatalogService } from './catalog.service';
import { CatalogWatcherService } from './catalog-watcher.service';
import { CatalogWriteService } from './catalog-write.service';
import { catalogEntities } from './entities/catalog-entities';
import { CatalogAdminController } from './http/catalog-admin.controller';
import { CatalogAgenciesController } from './http/catalog-agencies.controller';
import { CatalogChecksController } from './http/catalog-checks.controller';
import { CatalogMaintenanceController } from './http/catalog-maintenance.controller';
import { CatalogSystemsController } from './http/catalog-systems.controller';
import { CatalogFolderReader } from './loader/catalog-folder.reader';
import { CatalogLoaderService } from './loader/catalog-loader.service';

/**
 * Catalog as code: the folder loader, its watcher, the apply step, and /api/catalog. Needs the
 * global ConfigModule (AppConfig) and a TypeORM root connection (DatabaseModule). Loading at boot
 * is the application's call, after migrations: CatalogService.loadFromFolder(dir).
 */
@Module({
  imports: [TypeOrmModule.forFeature(catalogEntities)],
  controllers: [
    CatalogAgenciesController,
    CatalogSystemsController,
    CatalogChecksController,
    CatalogMaintenanceController,
    CatalogAdminController,
  ],
  providers: [
    CatalogFolderReader,
    CatalogLoaderService,
    PushTokenGenerator,
    CatalogEvents,
    CatalogApplyService,
    CatalogWatcherService,
    CatalogService,
    CatalogRepository,
    CatalogWriteService,
  ],
  exports: [CatalogService, CatalogEvents, CatalogRepository, CatalogLoaderService],
})
export class CatalogModule {}
