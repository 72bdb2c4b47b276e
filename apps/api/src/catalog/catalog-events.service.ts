import { Injectable, OnModuleDestroy } from '@nestjs/common';
import type { CatalogApplySummary, CatalogSource } from '@kuzet/contracts';
import { Observable, Subject } from 'rxjs';

/** Published after a transaction that changed the catalog has committed. */
export interface CatalogChangedEvent {
  source: CatalogSource;
  revisionId: number;
  contentHash: string;
  summary: CatalogApplySummary;
}

/**
 * In-process notifications of catalog changes, for the probe scheduler, detector and status page
 * to re-read what they need. Nothing is emitted when an apply changed nothing.
 */
@Injectable()
export class CatalogEvents implements OnModuleDestroy {
  private readonly subject = new Subject<CatalogChangedEvent>();
  readonly changes$: Observable<CatalogChangedEvent> = this.subject.asObservable();

  emit(event: CatalogChangedEvent): void {
    this.subject.next(event);
  }

  onModuleDestroy(): void {
    this.subject.complete();
  }
}
