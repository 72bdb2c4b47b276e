import {
  AgencyDocument,
  CatalogProblem,
  CatalogSection,
  CategoryDocument,
  checkEnvProblems,
  contactSecretProblems,
  checkRuleProblems,
  EnvLookup,
  MaintenanceDocument,
  ProbeNetworkPolicy,
  SystemDocument,
} from '@kuzet/contracts';
import { validateConditions } from '@kuzet/checks';
import { resolveCaFile } from './ca-file';
import { findDependencyCycles } from './dependency-cycles';
import { LocatedItem, placeOf, problemAt } from './located-item';

// Rules that span items and files: unique codes, references, dependency cycles, and the check
// rules that need configuration (lowest interval, probe network policy, CA files on disk).

export interface CrossCheckOptions {
  minIntervalS: number;
  policy: ProbeNetworkPolicy;
  /** Reads a file of the catalog folder by normalized relative path; undefined when missing. */
  readAuxFile(relPath: string): string | undefined;
  /** Resolves `${env:NAME}` in check secrets: a reference to an unset variable is an error. */
  env: EnvLookup;
  /** False when some file could not be read: references are then not checked. */
  checkReferences: boolean;
}

export interface CrossCheckResult {
  problems: CatalogProblem[];
  /** PEM text per check key, for checks with options.ca_file. */
  caPems: Map<string, string>;
}

const KIND_NAME: Record<CatalogSection, string> = {
  categories: 'category',
  agencies: 'agency',
  systems: 'system',
  maintenance: 'maintenance window',
};

function firstByCode(
  items: LocatedItem<unknown>[],
  problems: CatalogProblem[],
): Map<string, LocatedItem<unknown>> {
  const seen = new Map<string, LocatedItem<unknown>>();
  for (const item of items) {
    if (item.code === undefined) continue;
    const first = seen.get(item.code);
    if (first) {
      problems.push(
        problemAt(
          item,
          ['code'],
          `duplicate ${KIND_NAME[item.section]} code "${item.code}", first defined at ${placeOf(first, ['code'])}`,
        ),
      );
    } else {
      seen.set(item.code, item);
    }
  }
  return seen;
}

export function crossCheckCatalog(all: LocatedItem<unknown>[], options: CrossCheckOptions): CrossCheckResult {
  const problems: CatalogProblem[] = [];
  const caPems = new Map<string, string>();
  const of = <T>(section: CatalogSection) => all.filter((i) => i.section === section) as LocatedItem<T>[];
  const valid = <T>(items: LocatedItem<T>[]) =>
    items.filter((i): i is LocatedItem<T> & { value: T } => i.value !== undefined);

  // Known codes include items that failed their own schema, so that one broken agency does not
  // also produce an "unknown agency" error at every system that names it.
  const categories = firstByCode(of<CategoryDocument>('categories'), problems);
  const agencies = firstByCode(of<AgencyDocument>('agencies'), problems);
  const systems = firstByCode(of<SystemDocument>('systems'), problems);
  firstByCode(of<MaintenanceDocument>('maintenance'), problems);

  for (const item of valid(of<SystemDocument>('systems'))) {
    const s = item.value;
    const refs = options.checkReferences;
    if (refs && !agencies.has(s.agency))
      problems.push(problemAt(item, ['agency'], `unknown agency "${s.agency}"`));
    if (refs && s.category !== undefined && !categories.has(s.category)) {
      problems.push(problemAt(item, ['category'], `unknown category "${s.category}"`));
    }
    s.depends_on.forEach((dep, j) => {
      if (refs && !systems.has(dep))
        problems.push(problemAt(item, ['depends_on', j], `unknown system "${dep}"`));
    });
    const checkCodes = new Map<string, number>();
    s.checks.forEach((check, j) => {
      const first = checkCodes.get(check.code);
      if (first !== undefined) {
        problems.push(
          problemAt(
            item,
            ['checks', j, 'code'],
            `duplicate check code "${check.code}" in system "${s.code}", first defined at ${placeOf(item, ['checks', first, 'code'])}`,
          ),
        );
      } else {
        checkCodes.set(check.code, j);
      }
      for (const p of checkRuleProblems(check, options))
        problems.push(problemAt(item, ['checks', j, ...p.path], p.message));
      for (const p of validateConditions(check.conditions ?? []))
        problems.push(problemAt(item, ['checks', j, 'conditions', p.index], `invalid condition: ${p.message}`));
      for (const p of checkEnvProblems(check.options, options.env))
        problems.push(problemAt(item, ['checks', j, ...p.path], p.message));
      const ca = resolveCaFile(check, options.readAuxFile);
      if (ca.problem) problems.push(problemAt(item, ['checks', j, 'options', 'ca_file'], ca.problem));
      if (ca.pem !== undefined) caPems.set(`${s.code}/${check.code}`, ca.pem);
    });
  }

  for (const item of valid(of<MaintenanceDocument>('maintenance'))) {
    if (!options.checkReferences) break;
    item.value.systems.forEach((code, j) => {
      if (!systems.has(code)) problems.push(problemAt(item, ['systems', j], `unknown system "${code}"`));
    });
  }

  // A webhook contact's own secrets are references to set variables holding whsec_ secrets.
  for (const item of valid(of<AgencyDocument>('agencies')))
    for (const p of contactSecretProblems(item.value.contacts, options.env)) problems.push(problemAt(item, p.path, p.message));

  // A notification override names one of the agency's own systems.
  const agencyOf = new Map(valid(of<SystemDocument>('systems')).map((i) => [i.value.code, i.value.agency] as const));
  for (const item of valid(of<AgencyDocument>('agencies'))) {
    if (!options.checkReferences) break;
    for (const code of Object.keys(item.value.notifications.systems)) {
      const path = ['notifications', 'systems', code];
      if (!systems.has(code)) problems.push(problemAt(item, path, `unknown system "${code}"`));
      else if (agencyOf.has(code) && agencyOf.get(code) !== item.value.code)
        problems.push(problemAt(item, path, `system "${code}" belongs to agency "${agencyOf.get(code)}"`));
    }
  }

  // Cycles over the systems whose own definition is valid.
  const validSystems = valid(of<SystemDocument>('systems')).filter((i) => systems.get(i.value.code) === i);
  const graph = new Map(validSystems.map((i) => [i.value.code, i.value.depends_on] as const));
  for (const cycle of findDependencyCycles(graph)) {
    const item = validSystems.find((i) => i.value.code === cycle[0])!;
    const j = item.value.depends_on.indexOf(cycle[1]);
    problems.push(problemAt(item, ['depends_on', j], `dependency cycle: ${cycle.join(' -> ')}`));
  }
  return { problems, caPems };
}
