import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';
import type { CheckResultRow } from '../timeseries/check-result';

/**
 * Check results once they are durable in the database (direct writes, and spooled rows after
 * their replay), for in-process consumers such as the detector. A batch may hold rows the
 * database already had (redelivered): consumers must be idempotent.
 */
@Injectable()
export class ResultsStream implements OnModuleDestroy {
  private readonly subject = new Subject<readonly CheckResultRow[]>();
  readonly results$: Observable<readonly CheckResultRow[]> = this.subject.asObservable();

  publish(rows: readonly CheckResultRow[]): void {
    if (rows.length > 0) this.subject.next(rows);
  }

  onModuleDestroy(): void {
    this.subject.complete();
  }
}
