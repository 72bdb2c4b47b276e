import { Injectable } from '@nestjs/common';

/** The detector's and the incidents' clock (ms since epoch); tests inject a fake one. */
@Injectable()
export class DetectionClock {
  now(): number {
    return Date.now();
  }
}
