import { EnvLookup, resolveCheckEnv } from '@kuzet/contracts';
import type { ProbeCheck } from './probe-check';

export interface UnresolvedCheck {
  key: string;
  /** Names of the variables not set; never their values. */
  variables: string[];
}

/**
 * The probed checks with their `${env:NAME}` references resolved: the stored catalog holds the
 * reference, the agent (trusted with its region's checks) gets the value. A check whose variable
 * is not set in this server's environment is left out, alone, rather than probed with a wrong
 * credential. Pure.
 */
export function resolveProbeCheckSecrets(
  checks: readonly ProbeCheck[],
  env: EnvLookup,
): { checks: ProbeCheck[]; unresolved: UnresolvedCheck[] } {
  const resolved: ProbeCheck[] = [];
  const unresolved: UnresolvedCheck[] = [];
  for (const check of checks) {
    const { options, missing } = resolveCheckEnv(check.options, env);
    if (missing.length) unresolved.push({ key: check.key, variables: [...new Set(missing)] });
    else resolved.push(options === check.options ? check : { ...check, options });
  }
  return { checks: resolved, unresolved };
}
