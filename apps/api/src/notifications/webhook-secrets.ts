import { AgencyContact, EnvLookup, resolveContactSecrets } from '@kuzet/contracts';

/**
 * The signing secrets of a webhook recipient: the contact's own (`secrets:` in the catalog,
 * resolved from the environment now), else the installation's KUZET_WEBHOOK_SECRETS. A contact
 * whose variable is not set (any more) is an error naming the variable, never a fallback: its
 * receiver only knows its own secret.
 */
export function webhookSecretsFor(
  contact: AgencyContact | undefined,
  installation: readonly string[],
  env: EnvLookup,
): { secrets: string[] } | { error: string } {
  if (contact?.kind !== 'webhook' || !contact.secrets) return { secrets: [...installation] };
  const { secrets, missing } = resolveContactSecrets(contact.secrets, env);
  if (missing.length > 0) return { error: `webhook secret variable ${missing.join(', ')} is not set` };
  return { secrets };
}
