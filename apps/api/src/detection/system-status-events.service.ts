import { Injectable, OnModuleDestroy } from '@nestjs/common';
import type { PublicStatus, SystemTier } from '@kuzet/contracts';
import { Observable, Subject } from 'rxjs';

/** A system's status as the detector changed it (emitted after the batch that changed it committed). */
export interface SystemStatusChange {
  systemId: number;
  system: string;
  agency: string;
  tier: SystemTier;
  status: PublicStatus | null;
  flapping: boolean;
  /** The time of the result that caused the change (ms since epoch). */
  at: number;
}

/** In-process system status changes, for the live board. */
@Injectable()
export class SystemStatusEvents implements OnModuleDestroy {
  private readonly subject = new Subject<SystemStatusChange>();
  readonly changes$: Observable<SystemStatusChange> = this.subject.asObservable();

  emit(change: SystemStatusChange): void {
    this.subject.next(change);
  }

  onModuleDestroy(): void {
    this.subject.complete();
  }
}
