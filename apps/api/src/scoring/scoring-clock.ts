import { Injectable } from '@nestjs/common';

/** The scoring module's clock, injectable so tests can move time. */
@Injectable()
export class ScoringClock {
  now(): number {
    return Date.now();
  }
}
