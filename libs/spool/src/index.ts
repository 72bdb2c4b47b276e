export { DiskSpool, SpoolReplayError } from './disk-spool';
export type { DiskSpoolOptions, SpoolSize } from './disk-spool';
export { silentSpoolLogger } from './spool-logger';
export type { SpoolLogger } from './spool-logger';
export { SpoolError, SpoolItemError, SpoolWriteError } from './spool.errors';
