import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction } from '../database/sql-executor';
import { NotificationsRepository } from '../notifications/notifications.repository';
import { SubscriptionsRepository } from './subscriptions.repository';

/** One transaction over the subscriptions and the notification outbox they write into. */
export interface SubscriptionsTx {
  subscriptions: SubscriptionsRepository;
  outbox: Pick<NotificationsRepository, 'insertOutbox'>;
}

@Injectable()
export class SubscriptionsUnitOfWork {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (tx: SubscriptionsTx) => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, (sql) =>
      work({ subscriptions: new SubscriptionsRepository(sql), outbox: new NotificationsRepository(sql) }),
    );
  }
}
