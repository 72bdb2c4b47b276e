import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';

/** Some or all sessions of a user ended (sign-out, disable, role, agency or password change). */
export interface SessionsEnded {
  userId: number;
}

/**
 * In-process, after the change committed: live sockets of that user re-check their session and
 * are dropped when it is gone or no longer grants what it did.
 */
@Injectable()
export class SessionsEndedEvents implements OnModuleDestroy {
  private readonly subject = new Subject<SessionsEnded>();
  readonly ended$: Observable<SessionsEnded> = this.subject.asObservable();

  emit(event: SessionsEnded): void {
    this.subject.next(event);
  }

  onModuleDestroy(): void {
    this.subject.complete();
  }
}
