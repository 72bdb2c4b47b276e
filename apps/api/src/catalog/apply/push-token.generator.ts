import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';

/** The secret in a heartbeat check's push URL (/api/push/{token}); randomness kept injectable. */
@Injectable()
export class PushTokenGenerator {
  next(): string {
    return randomBytes(24).toString('base64url');
  }
}
