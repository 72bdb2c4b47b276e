import { Injectable } from '@nestjs/common';

/** Wall-clock time for event stamps and summary periods; tests inject a fake one. */
@Injectable()
export class RealtimeClock {
  now(): number {
    return Date.now();
  }
}
