import { redactCheckSecretsDeep } from '@kuzet/contracts';

/** Who acted: a signed-in user, or the system itself (start-up, the command line). */
export interface Actor {
  id: number | null;
  email: string | null;
  address: string | null;
}

export const SYSTEM_ACTOR: Actor = { id: null, email: 'system', address: null };
export const CLI_ACTOR: Actor = { id: null, email: 'cli', address: null };

/** One audit entry: an action like 'incident.ack' on a target, with what changed (never passwords). */
export interface AuditEntry {
  actor: Actor;
  action: string;
  target: string | null;
  changes?: Record<string, unknown>;
}

export interface AuditRecord {
  id: number;
  at: string;
  actor_id: number | null;
  actor_email: string | null;
  action: string;
  target: string | null;
  changes: Record<string, unknown>;
  client_address: string | null;
}

const SECRET_KEY = /password|secret|token/i;

const REDACTED = '[redacted]';

/**
 * Drops secrets from what is logged, recursively: any key naming a password, secret or token, and
 * the credentials of check options (secret headers, request body, tcp payload) wherever an
 * `options` object is. A boolean under a secret key is a marker ("password_reset": true), not a
 * secret, and stays.
 */
export function redactSecrets(value: unknown): unknown {
  return redactSecretKeys(redactCheckSecretsDeep(value, REDACTED));
}

function redactSecretKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecretKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) && typeof v !== 'boolean' ? REDACTED : redactSecretKeys(v);
    return out;
  }
  return value;
}
