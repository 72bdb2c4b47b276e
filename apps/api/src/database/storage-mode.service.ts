import { Injectable } from '@nestjs/common';
import type { StorageInfo, StorageMode } from './storage-mode';

/**
 * The storage mode of this database, as recorded by the migrations. Built by DatabaseModule
 * only after the migrations ran, so anything that injects it sees a migrated schema.
 */
@Injectable()
export class StorageModeService {
  constructor(private readonly info: StorageInfo) {}

  getMode(): StorageMode {
    return this.info.mode;
  }

  /** For /api/health: the TimescaleDB extension version, or null in plain mode. */
  getTimescaleVersion(): string | null {
    return this.info.timescaleVersion;
  }

  getInfo(): StorageInfo {
    return { ...this.info };
  }
}
