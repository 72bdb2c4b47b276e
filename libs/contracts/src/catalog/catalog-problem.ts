import { z } from 'zod';

/** One validation error of a catalog folder: where it is and what is wrong. */
export const catalogProblemSchema = z.object({
  /** Path relative to the catalog folder, e.g. "systems/egov.yaml". */
  file: z.string(),
  /** 1-based; 0 when the problem concerns the folder or file as a whole. */
  line: z.number().int(),
  /** 1-based, for YAML syntax errors only. */
  column: z.number().int().optional(),
  /** The field path inside the file, e.g. "systems[2].checks[0].interval". */
  field: z.string().optional(),
  message: z.string(),
});
export type CatalogProblem = z.infer<typeof catalogProblemSchema>;

/** One validation error of a REST request body or query. */
export const fieldProblemSchema = z.object({ field: z.string(), message: z.string() });
export type FieldProblem = z.infer<typeof fieldProblemSchema>;

export type FieldPath = readonly (string | number)[];

/** ['systems', 2, 'checks', 0, 'interval'] -> "systems[2].checks[0].interval". */
export function formatFieldPath(path: FieldPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}

/** "file:line: field: message", or "file:line:col: message" for syntax errors. */
export function formatCatalogProblem(p: CatalogProblem): string {
  const where =
    p.line > 0 ? `${p.file}:${p.line}${p.column !== undefined && !p.field ? `:${p.column}` : ''}` : p.file;
  return p.field ? `${where}: ${p.field}: ${p.message}` : `${where}: ${p.message}`;
}

export interface PathIssue {
  path: (string | number)[];
  message: string;
}

/**
 * Flattens zod issues into path + message, one per problem: an unknown key is reported at the key
 * itself ("unknown field"), a missing value as "required", union failures by their best branch.
 */
export function zodIssuesToPathIssues(
  issues: readonly z.core.$ZodIssue[],
  prefix: (string | number)[] = [],
): PathIssue[] {
  const out: PathIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))] as (
      string | number
    )[];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: [...path, key], message: 'unknown field' });
    } else if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
      out.push({ path, message: 'required' });
    } else if (issue.code === 'invalid_union' && issue.errors.length > 0 && !('discriminator' in issue)) {
      // Report the branch that got furthest (fewest issues) rather than "invalid input".
      const best = [...issue.errors].sort((a, b) => a.length - b.length)[0];
      out.push(...zodIssuesToPathIssues(best, path));
    } else {
      out.push({ path, message: issue.message });
    }
  }
  return out;
}

/** Zod issues as REST field problems. */
export function zodIssuesToFieldProblems(issues: readonly z.core.$ZodIssue[]): FieldProblem[] {
  return zodIssuesToPathIssues(issues).map((i) => ({
    field: formatFieldPath(i.path) || '(body)',
    message: i.message,
  }));
}
