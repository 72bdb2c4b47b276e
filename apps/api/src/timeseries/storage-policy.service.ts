import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { SQL_EXECUTOR, SqlExecutor } from '../database/sql-executor';
import { StorageModeService } from '../database/storage-mode.service';
import { RetentionSettings, retentionSettings } from './retention-settings';
import { desiredTimescalePolicies, PolicyChange, reconcileTimescalePolicies } from './timescale-policies';

/**
 * Applies retention and compression from the configuration at every boot, so changing
 * KUZET_RAW_RETENTION_DAYS & co needs no migration. TimescaleDB: reconciles the policies
 * (idempotent). PostgreSQL: RetentionJobService deletes on schedule with the same settings.
 */
@Injectable()
export class StoragePolicyService implements OnModuleInit {
  private readonly logger = new Logger(StoragePolicyService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly storageMode: StorageModeService,
    @Inject(SQL_EXECUTOR) private readonly db: SqlExecutor,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.reconcile();
  }

  settings(): RetentionSettings {
    return retentionSettings(this.config);
  }

  async reconcile(): Promise<PolicyChange[]> {
    const settings = this.settings();
    for (const adjustment of settings.adjustments) this.logger.warn(adjustment);
    if (this.storageMode.getMode() === 'timescaledb') {
      const changes = await reconcileTimescalePolicies(
        this.db,
        desiredTimescalePolicies(settings),
        this.logger,
      );
      if (changes.length === 0) this.logger.log('storage policies up to date');
      return changes;
    }
    this.logger.log(
      `storage policy (postgresql): scheduled deletes, raw ${settings.rawDays} days, ` +
        `1m rollups ${settings.minuteRollupDays} days, 1h/1d rollups ${settings.rollupDays} days; no compression`,
    );
    return [];
  }
}
