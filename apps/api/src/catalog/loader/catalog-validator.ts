import {
  AgencyDocument,
  CatalogCounts,
  CatalogProblem,
  CategoryDocument,
  EnvLookup,
  MaintenanceDocument,
  ProbeNetworkPolicy,
  SystemDocument,
} from '@kuzet/contracts';
import { createHash } from 'node:crypto';
import { parseCatalogFile } from './catalog-file-parser';
import { crossCheckCatalog } from './catalog-cross-checks';
import { CatalogSourceFile, isCatalogDocumentPath } from './catalog-source';
import {
  LoadedCatalog,
  toLoadedAgency,
  toLoadedCategory,
  toLoadedCheck,
  toLoadedMaintenance,
  toLoadedSystem,
} from './loaded-catalog';
import { LocatedItem } from './located-item';

export interface CatalogValidationOptions {
  minIntervalS: number;
  /** CIDRs probes may reach besides public networks (KUZET_PROBE_ALLOW). */
  probeAllow: readonly string[];
  /** Reads a non-YAML file of the folder (CA certificates) by relative path. */
  readAuxFile(relPath: string): string | undefined;
  /** The server's environment, for `${env:NAME}` in check secrets. */
  env: EnvLookup;
}

export type CatalogValidationResult =
  | { ok: true; catalog: LoadedCatalog; counts: CatalogCounts; contentHash: string }
  | { ok: false; problems: CatalogProblem[]; counts: CatalogCounts };

/**
 * Validates a whole catalog folder given as files: every problem is collected, none stops the
 * others. Pure apart from readAuxFile. The result is either a complete catalog or the problems.
 */
export function validateCatalog(
  files: readonly CatalogSourceFile[],
  options: CatalogValidationOptions,
): CatalogValidationResult {
  const documents = files
    .filter((f) => isCatalogDocumentPath(f.path))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const problems: CatalogProblem[] = [];
  const items: LocatedItem<unknown>[] = [];
  if (documents.length === 0) {
    // An empty folder would disable every system: refuse it rather than take it literally.
    problems.push({ file: '.', line: 0, message: 'no catalog files (*.yaml, *.yml) found' });
  }
  let allFilesRead = documents.length > 0;
  for (const file of documents) {
    const parsed = parseCatalogFile(file);
    problems.push(...parsed.problems);
    items.push(...parsed.items);
    if (parsed.unreadable) allFilesRead = false;
  }

  const policy = ProbeNetworkPolicy.fromCidrs(options.probeAllow);
  const cross = crossCheckCatalog(items, {
    minIntervalS: options.minIntervalS,
    policy,
    readAuxFile: options.readAuxFile,
    env: options.env,
    // With a file unreadable, its codes are unknown: "unknown agency" would then be noise.
    checkReferences: allFilesRead,
  });
  problems.push(...cross.problems);

  const values = <T>(section: LocatedItem<unknown>['section']) =>
    items.filter((i) => i.section === section && i.value !== undefined).map((i) => i.value as T);
  const systems = values<SystemDocument>('systems');
  const counts: CatalogCounts = {
    categories: items.filter((i) => i.section === 'categories').length,
    agencies: items.filter((i) => i.section === 'agencies').length,
    systems: items.filter((i) => i.section === 'systems').length,
    checks: systems.reduce((n, s) => n + s.checks.length, 0),
    maintenance: items.filter((i) => i.section === 'maintenance').length,
  };
  if (problems.length) return { ok: false, problems: sortProblems(problems), counts };

  const catalog: LoadedCatalog = {
    categories: values<CategoryDocument>('categories').map(toLoadedCategory),
    agencies: values<AgencyDocument>('agencies').map(toLoadedAgency),
    systems: systems.map(toLoadedSystem),
    checks: systems.flatMap((s) =>
      s.checks.map((c) => toLoadedCheck(s.code, c, cross.caPems.get(`${s.code}/${c.code}`))),
    ),
    maintenance: values<MaintenanceDocument>('maintenance').map(toLoadedMaintenance),
  };
  return { ok: true, catalog, counts, contentHash: contentHash(documents, cross.caPems) };
}

/** sha256 over the documents and the CA files they use, in path order. */
function contentHash(documents: readonly CatalogSourceFile[], caPems: Map<string, string>): string {
  const hash = createHash('sha256');
  for (const f of documents) hash.update(`${f.path}\0${f.content}\0`);
  for (const key of [...caPems.keys()].sort()) hash.update(`${key}\0${caPems.get(key)}\0`);
  return hash.digest('hex');
}

function sortProblems(problems: CatalogProblem[]): CatalogProblem[] {
  return [...problems].sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
}
