import { Injectable } from '@nestjs/common';

/** The health module's clock, injectable so tests can move time. */
@Injectable()
export class HealthClock {
  now(): number {
    return Date.now();
  }
}
