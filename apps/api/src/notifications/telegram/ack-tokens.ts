import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { NewOutboxRow } from '../notification-records';

/** Messages whose incidents are still failing: the recipient may acknowledge them. */
const ACKNOWLEDGEABLE = new Set<NewOutboxRow['kind']>(['firing', 'escalation', 'repeat']);

/** The random source of acknowledgement tokens (an injectable class, so tests may fix it). */
@Injectable()
export class AckTokenSource {
  /** 144 random bits, base64url: unguessable, and 28 bytes, well inside Telegram's 64. */
  next(): string {
    return `ack_${randomBytes(18).toString('base64url')}`;
  }
}

/**
 * Gives every Telegram message about failing incidents its own acknowledgement token (the
 * inline button's callback_data); pressing it acknowledges the message's incidents.
 */
export function withAckTokens(rows: readonly NewOutboxRow[], tokens: AckTokenSource): NewOutboxRow[] {
  return rows.map((r) => (r.channel === 'telegram' && ACKNOWLEDGEABLE.has(r.kind) ? { ...r, ackToken: tokens.next() } : r));
}
