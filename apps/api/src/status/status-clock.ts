import { Injectable } from '@nestjs/common';

/** Wall-clock time of the public API (maintenance windows, uptime ranges); tests inject a fake one. */
@Injectable()
export class StatusClock {
  now(): number {
    return Date.now();
  }
}
