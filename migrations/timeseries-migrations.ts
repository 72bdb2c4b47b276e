import { StorageMode1795720000000 } from './1795720000000-storage-mode';
import { CheckResults1795720000100 } from './1795720000100-check-results';
import { CheckRollups1795720000200 } from './1795720000200-check-rollups';

/** The storage layer's migrations (kuzet_meta + mode, check_results, rollups), in order. */
export const timeseriesMigrations: Function[] = [
  StorageMode1795720000000,
  CheckResults1795720000100,
  CheckRollups1795720000200,
];
