import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dataSourceExecutor, inTransaction } from '../database/sql-executor';
import { NotificationsRepository } from './notifications.repository';

/** The notifier's database access: one transaction, or single statements on the pool. */
@Injectable()
export class NotificationsUnitOfWork {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (repo: NotificationsRepository) => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, (sql) => work(new NotificationsRepository(sql)));
  }

  /** Statements outside a transaction (reads, single updates). */
  repo(): NotificationsRepository {
    return new NotificationsRepository(dataSourceExecutor(this.dataSource));
  }
}
