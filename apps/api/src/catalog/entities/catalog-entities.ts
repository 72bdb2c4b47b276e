import { AgencyEntity } from './agency.entity';
import { CatalogRevisionEntity } from './catalog-revision.entity';
import { CategoryEntity } from './category.entity';
import { CheckEntity } from './check.entity';
import { MaintenanceWindowSystemEntity } from './maintenance-window-system.entity';
import { MaintenanceWindowEntity } from './maintenance-window.entity';
import { SystemDependencyEntity } from './system-dependency.entity';
import { SystemEntity } from './system.entity';

/** Every entity of the catalog module, for TypeOrmModule.forFeature and tests. */
export const catalogEntities = [
  CategoryEntity,
  AgencyEntity,
  SystemEntity,
  SystemDependencyEntity,
  CheckEntity,
  MaintenanceWindowEntity,
  MaintenanceWindowSystemEntity,
  CatalogRevisionEntity,
];
