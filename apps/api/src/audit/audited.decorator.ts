import { CustomDecorator, SetMetadata } from '@nestjs/common';

export const AUDITED = 'kuzet:audited';

export interface AuditedOptions {
  /** What the target is called, e.g. 'system' -> 'system:egov-portal'. */
  target?: string;
  /** Keep the request body as the entry's changes (default true; false for bulky bodies). */
  body?: boolean;
}

export interface AuditedMeta extends AuditedOptions {
  action: string;
}

/**
 * Records one audit entry (action, target, body as changes, never secrets) after the write
 * succeeded. Services that write richer entries in their own transaction (users, sign-in) do
 * not use it.
 */
export const Audited = (action: string, options: AuditedOptions = {}): CustomDecorator =>
  SetMetadata(AUDITED, { action, ...options } satisfies AuditedMeta);
