import { Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dataSourceExecutor, inTransaction } from '../database/sql-executor';
import { LeaderFence } from '../leadership/leader-fence.service';
import { NotificationsRepository } from './notifications.repository';

/**
 * The notifier's database access: one transaction, or single statements on the pool. The
 * notifier runs on the leader only, so every transaction here (grouping, escalation, outbox
 * claims, delivery outcomes) is fenced: a deposed leader's late claim or write rolls back.
 */
@Injectable()
export class NotificationsUnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    @Optional() private readonly fence?: LeaderFence,
  ) {}

  run<T>(work: (repo: NotificationsRepository) => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, async (sql) => {
      await this.fence?.assertHeld(sql);
      return work(new NotificationsRepository(sql));
    });
  }

  /** Statements outside a transaction (reads, single updates). */
  repo(): NotificationsRepository {
    return new NotificationsRepository(dataSourceExecutor(this.dataSource));
  }
}
