import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';
import type { IncidentRecord } from './incident-record';

export interface IncidentChange {
  type: 'opened' | 'updated' | 'resolved';
  incident: IncidentRecord;
}

/**
 * In-process incident changes, emitted after the transaction that made them has committed (for
 * the live board and the notifier).
 */
@Injectable()
export class IncidentEvents implements OnModuleDestroy {
  private readonly subject = new Subject<IncidentChange>();
  readonly changes$: Observable<IncidentChange> = this.subject.asObservable();

  emit(change: IncidentChange): void {
    this.subject.next(change);
  }

  onModuleDestroy(): void {
    this.subject.complete();
  }
}
