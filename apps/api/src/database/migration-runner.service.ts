import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MigrationRunReport, pendingMigrations, runMigrations } from './migration-runner';

/** Runs pending migrations on the app's DataSource (see runMigrations). */
@Injectable()
export class MigrationRunnerService {
  private readonly logger = new Logger(MigrationRunnerService.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run(): Promise<MigrationRunReport> {
    return runMigrations(this.dataSource, this.logger);
  }

  /** Names of the migrations the code has and the database has not applied. */
  pending(): Promise<string[]> {
    return pendingMigrations(this.dataSource);
  }
}
