import { z } from 'zod';
import type { PathProblem } from './check-rules';
import { isSecretPlaceholder, SECRET_PLACEHOLDER, SecretPlaceholder } from './check-secrets';
import { envReferenceProblems, EnvLookup, resolveEnvReferences } from './env-reference';

// A webhook contact may carry its own Standard Webhooks signing secrets (one, or two during a
// rotation) instead of the installation's KUZET_WEBHOOK_SECRETS. They are written in the catalog
// folder as `${env:NAME}` only (the secret stays in the server's environment), never returned by
// the API (views show the placeholder), and resolved when a notification is sent.

const ENV_ONLY = /^\$\{env:[A-Za-z_][A-Za-z0-9_]*\}$/;
const WEBHOOK_SECRET = /^whsec_[A-Za-z0-9+/=]{24,}$/;

/** One secret: a `${env:NAME}` reference, or the API's placeholder (keep the stored one). */
export const webhookContactSecretSchema = z.union([
  z.string().regex(ENV_ONLY, 'expected ${env:NAME}: a webhook secret is never written in the catalog itself'),
  z.strictObject({ secret: z.literal(true) }),
]);
export const webhookContactSecretsSchema = z.array(webhookContactSecretSchema).min(1).max(2);
export type WebhookContactSecret = z.output<typeof webhookContactSecretSchema>;

interface ContactLike {
  kind: string;
  url?: string;
  secrets?: (string | SecretPlaceholder)[];
}

/** The contacts as the API shows them: a webhook's secrets replaced by the placeholder. */
export function redactContactSecrets<T extends ContactLike>(contacts: readonly T[]): T[] {
  return contacts.map((c) => (c.secrets ? { ...c, secrets: c.secrets.map(() => SECRET_PLACEHOLDER) } : c));
}

/** Catalog folder: every secret is a reference to a set variable holding a `whsec_…` secret. */
export function contactSecretProblems(contacts: readonly ContactLike[], env: EnvLookup): PathProblem[] {
  const problems: PathProblem[] = [];
  contacts.forEach((c, i) =>
    c.secrets?.forEach((s, k) => {
      const path = ['contacts', i, 'secrets', k];
      if (typeof s !== 'string') return void problems.push({ path, message: 'expected ${env:NAME}' });
      const found = envReferenceProblems(s, env);
      if (found.length > 0) return void problems.push(...found.map((message) => ({ path, message })));
      if (!WEBHOOK_SECRET.test(resolveEnvReferences(s, env).value))
        problems.push({ path, message: `the variable of ${s} is not a Standard Webhooks secret (whsec_<base64>)` });
    }),
  );
  return problems;
}

/**
 * REST writes: a reference may not be written through the API (it could read the server's
 * environment); a placeholder keeps the stored secret at the same place of the contact with the
 * same URL.
 */
export function restoreContactSecrets<T extends ContactLike>(
  contacts: readonly T[],
  stored: readonly ContactLike[],
): { contacts: T[]; problems: PathProblem[] } {
  const problems: PathProblem[] = [];
  const restored = contacts.map((c, i) => {
    if (!c.secrets) return c;
    const before = stored.find((s) => s.kind === c.kind && s.url === c.url)?.secrets;
    const secrets = c.secrets.map((s, k) => {
      const path = ['contacts', i, 'secrets', k];
      if (typeof s === 'string') {
        problems.push({ path, message: 'environment references (${env:NAME}) can only be written in the catalog folder' });
        return s;
      }
      const kept = isSecretPlaceholder(s) ? before?.[k] : undefined;
      if (typeof kept !== 'string') problems.push({ path, message: 'no stored secret to keep here (the catalog folder sets them)' });
      return kept ?? s;
    });
    return { ...c, secrets };
  });
  return { contacts: restored, problems };
}

/** A webhook contact's secrets resolved, or the names of the variables not set. */
export function resolveContactSecrets(
  secrets: readonly WebhookContactSecret[],
  env: EnvLookup,
): { secrets: string[]; missing: string[] } {
  const missing: string[] = [];
  const values = secrets.flatMap((s) => {
    if (typeof s !== 'string') return [];
    const r = resolveEnvReferences(s, env);
    missing.push(...r.missing);
    return r.missing.length ? [] : [r.value];
  });
  return { secrets: values, missing };
}
