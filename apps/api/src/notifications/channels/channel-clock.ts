import { Injectable } from '@nestjs/common';

/** Wall-clock time for webhook timestamps and Retry-After dates; tests inject a fake one. */
@Injectable()
export class ChannelClock {
  now(): number {
    return Date.now();
  }
}
