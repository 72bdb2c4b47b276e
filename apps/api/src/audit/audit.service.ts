import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dataSourceExecutor, SqlExecutor } from '../database/sql-executor';
import type { AuditEntry, AuditRecord } from './audit-entry';
import { AuditFilter, AuditRepository } from './audit.repository';

/** Records audit entries (inside the caller's transaction when it passes one) and reads them back. */
@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  constructor(private readonly dataSource: DataSource) {}

  async record(entry: AuditEntry, tx?: SqlExecutor): Promise<void> {
    await new AuditRepository(tx ?? dataSourceExecutor(this.dataSource)).insert(entry);
  }

  /** For entries written after the change committed: a failure is logged, the response stands. */
  async recordAfter(entry: AuditEntry): Promise<void> {
    try {
      await this.record(entry);
    } catch (error) {
      this.logger.error({ msg: 'audit entry not written', action: entry.action, target: entry.target, err: String(error) });
    }
  }

  list(filter: AuditFilter): Promise<AuditRecord[]> {
    return new AuditRepository(dataSourceExecutor(this.dataSource)).list(filter);
  }
}
