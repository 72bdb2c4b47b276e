import type { PathProblem } from './check-rules';
import { secretCapableFields, withOptionAt } from './check-option-fields';

// `${env:NAME}` in a check's header values, body or tcp payload names an environment variable of
// the server, so that a catalog repository holds no secret. The reference is what is stored; it is
// resolved where the value is needed (the probe assignment), so the database never holds it either.

/** Reads one environment variable; undefined when it is not set (or empty). */
export type EnvLookup = (name: string) => string | undefined;

const ENV_START = '${env:';
const ENV_REFERENCE = /\$\{env:([^}]*)\}/g;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function hasEnvReference(text: string): boolean {
  return text.includes(ENV_START);
}

/** The problems of the references in a text: malformed ones and variables that are not set. */
export function envReferenceProblems(text: string, lookup: EnvLookup): string[] {
  const problems: string[] = [];
  const found = [...text.matchAll(ENV_REFERENCE)];
  if (found.length < text.split(ENV_START).length - 1) problems.push(`unterminated environment reference: expected \${env:NAME}`);
  for (const [whole, name] of found) {
    if (!ENV_NAME.test(name)) problems.push(`malformed environment reference ${whole}: NAME is letters, digits and _`);
    else if (lookup(name) === undefined) problems.push(`environment variable ${name} is not set`);
  }
  return problems;
}

/** The text with every reference replaced by its variable's value; `missing` names those not set. */
export function resolveEnvReferences(text: string, lookup: EnvLookup): { value: string; missing: string[] } {
  const missing: string[] = [];
  const value = text.replace(ENV_REFERENCE, (whole, name: string) => {
    const v = ENV_NAME.test(name) ? lookup(name) : undefined;
    if (v === undefined) missing.push(name);
    return v ?? whole;
  });
  return { value, missing };
}

/** Reference problems of a check's options, at their paths (['options', 'headers', 'Authorization']). */
export function checkEnvProblems(options: Record<string, unknown>, lookup: EnvLookup): PathProblem[] {
  return secretCapableFields(options).flatMap(({ path, value }) =>
    typeof value === 'string' ? envReferenceProblems(value, lookup).map((message) => ({ path: ['options', ...path], message })) : [],
  );
}

/** Fields of a REST write that hold a reference: the API may not read the server's environment. */
export function envReferenceInApiProblems(options: Record<string, unknown>): PathProblem[] {
  return secretCapableFields(options)
    .filter(({ value }) => typeof value === 'string' && hasEnvReference(value))
    .map(({ path }) => ({
      path: ['options', ...path],
      message: 'environment references (${env:NAME}) can only be written in the catalog folder',
    }));
}

/** The options with every reference resolved, for the probe that sends them; `missing` lists what could not be. */
export function resolveCheckEnv(
  options: Record<string, unknown>,
  lookup: EnvLookup,
): { options: Record<string, unknown>; missing: string[] } {
  const missing: string[] = [];
  let out = options;
  for (const { path, value } of secretCapableFields(options)) {
    if (typeof value !== 'string' || !hasEnvReference(value)) continue;
    const resolved = resolveEnvReferences(value, lookup);
    missing.push(...resolved.missing);
    out = withOptionAt(out, path, resolved.value);
  }
  return { options: out, missing };
}
