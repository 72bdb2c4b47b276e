import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';

/** sha256 hex: confirmation tokens are stored only as this. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Random link tokens (256 bits, base64url); injectable so unit tests can fix them. */
@Injectable()
export class SubscriptionTokens {
  next(): string {
    return randomBytes(32).toString('base64url');
  }
}
