import type { PathProblem } from './check-rules';
import { getOptionAt, isRecord, OptionPath, secretCapableFields, withOptionAt } from './check-option-fields';
import { hasEnvReference } from './env-reference';

// Check credentials (secret headers, request bodies, tcp payloads) are write-only through the API:
// views and audit entries carry a placeholder instead, and a write that sends the placeholder back
// keeps the stored value. Pure functions over a check's options object.

export interface SecretPlaceholder {
  secret: true;
}

/** What every API view shows in place of a check secret: that one is set, never the value. */
export const SECRET_PLACEHOLDER: Readonly<SecretPlaceholder> = Object.freeze({ secret: true });

export function isSecretPlaceholder(value: unknown): value is SecretPlaceholder {
  return isRecord(value) && value.secret === true && Object.keys(value).length === 1;
}

/** Header names that carry credentials: Authorization, Cookie, X-Api-Key, X-Auth-Token, ... */
const SECRET_HEADER = /auth|token|secret|key|passw|cookie|session|credential|signature/i;

export function isSecretHeaderName(name: string): boolean {
  return SECRET_HEADER.test(name);
}

/**
 * The secret fields of a check's options: headers with a credential name or an env reference in
 * their value, the http body and the tcp payload (both may hold a password), the basic_auth
 * password, and whatever holds a placeholder.
 */
export function checkSecretPaths(options: Record<string, unknown>): OptionPath[] {
  return secretCapableFields(options)
    .filter(
      ({ path, value }) =>
        path[0] !== 'headers' ||
        isSecretHeaderName(path[1]!) ||
        isSecretPlaceholder(value) ||
        (typeof value === 'string' && hasEnvReference(value)),
    )
    .map(({ path }) => path);
}

/** A copy of the options with every secret replaced by the marker (the placeholder by default). */
export function redactCheckOptions(options: Record<string, unknown>, marker: unknown = SECRET_PLACEHOLDER): Record<string, unknown> {
  let out = options;
  for (const path of checkSecretPaths(options)) out = withOptionAt(out, path, marker);
  return out;
}

/** Redacts the check options found anywhere in a value (under an `options` key): request bodies of catalog writes. */
export function redactCheckSecretsDeep(value: unknown, marker: unknown = SECRET_PLACEHOLDER): unknown {
  if (Array.isArray(value)) return value.map((v) => redactCheckSecretsDeep(v, marker));
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = key === 'options' && isRecord(v) ? redactCheckOptions(v, marker) : redactCheckSecretsDeep(v, marker);
  }
  return out;
}

/**
 * Puts the stored values back where a write sent the placeholder. A placeholder with no stored
 * string at its place is a problem; so is every placeholder when `keep` is false (the target
 * changes: a kept secret must not follow the check to a new destination).
 */
export function restoreCheckSecrets(
  options: Record<string, unknown>,
  stored: Record<string, unknown>,
  keep: boolean,
): { options: Record<string, unknown>; problems: PathProblem[] } {
  let out = options;
  const problems: PathProblem[] = [];
  for (const { path, value } of secretCapableFields(options)) {
    if (!isSecretPlaceholder(value)) continue;
    const before = getOptionAt(stored, path);
    if (!keep) {
      problems.push({ path: ['options', ...path], message: 'the target changes: send this secret again (a kept secret does not follow a new target)' });
    } else if (typeof before !== 'string') {
      problems.push({ path: ['options', ...path], message: 'no stored secret to keep here: send the value' });
    } else {
      out = withOptionAt(out, path, before);
    }
  }
  return { options: out, problems };
}
