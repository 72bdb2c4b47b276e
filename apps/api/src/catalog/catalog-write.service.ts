import { Injectable } from '@nestjs/common';
import {
  restoreContactSecrets,
  AgencyDocument,
  agencyDocumentSchema,
  AgencyPatch,
  AgencyView,
  CheckDocument,
  checkDocumentSchema,
  checkKey,
  CheckPatch,
  checkRuleProblems,
  CheckView,
  envReferenceInApiProblems,
  FieldProblem,
  formatFieldPath,
  isRecord,
  MaintenanceDocument,
  maintenanceDocumentSchema,
  MaintenancePatch,
  MaintenanceView,
  PathProblem,
  ProbeNetworkPolicy,
  redactCheckSecretsDeep,
  restoreCheckSecrets,
  SystemDetail,
  SystemDocument,
  systemDocumentSchema,
  SystemPatch,
  zodIssuesToFieldProblems,
} from '@kuzet/contracts';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from './apply/same-value';
import { CatalogApplyService } from './apply/catalog-apply.service';
import { CatalogChangeSet, CatalogDisableSet } from './apply/catalog-change-set';
import { CatalogItemExistsError, CatalogItemNotFoundError, CatalogRequestError } from './catalog.errors';
import {
  agencyDocumentOf,
  checkDocumentOf,
  Doc,
  maintenanceDocumentOf,
  mergePatch,
  systemDocumentOf,
} from './catalog-documents';
import { CatalogRepository } from './catalog.repository';
import { CatalogService } from './catalog.service';
import { resolveCaFile } from './loader/ca-file';
import { CatalogFolderReader } from './loader/catalog-folder.reader';
import { findDependencyCycles } from './loader/dependency-cycles';
import { toLoadedAgency, toLoadedCheck, toLoadedMaintenance, toLoadedSystem } from './loader/loaded-catalog';

/**
 * REST writes: the same schemas and rules as the folder, applied as a partial change with
 * source 'api'. A folder reload later disables only folder-sourced rows, so API-created items
 * survive it; an API change to a folder-defined item is overwritten by the next reload.
 * DELETE disables (never deletes), like a removal from the folder.
 */
@Injectable()
export class CatalogWriteService {
  constructor(
    private readonly repo: CatalogRepository,
    private readonly applier: CatalogApplyService,
    private readonly catalog: CatalogService,
    private readonly reader: CatalogFolderReader,
  ) {}

  // --- agencies

  async createAgency(input: AgencyDocument): Promise<AgencyView> {
    if (await this.repo.findAgency(input.code)) throw new CatalogItemExistsError('agency', input.code);
    const doc = this.keptContactSecrets(input, []);
    await this.assertPolicyFits(doc);
    await this.applyApi({ agencies: [toLoadedAgency(doc)] }, ['create', 'agency', doc]);
    return (await this.repo.findAgency(doc.code))!;
  }

  async patchAgency(code: string, patch: AgencyPatch): Promise<AgencyView> {
    const stored = await this.repo.findAgency(code);
    if (!stored) throw new CatalogItemNotFoundError('agency', code);
    // The view hides webhook secrets: merge into the stored contacts, not the view's.
    const contacts = (await this.repo.findAgencyContacts(code)) ?? [];
    const merged = this.parse(agencyDocumentSchema, mergePatch(agencyDocumentOf({ ...stored, contacts }), patch as Doc));
    const doc = patch.contacts === undefined ? merged : this.keptContactSecrets(merged, contacts);
    await this.assertPolicyFits(doc);
    await this.applyApi({ agencies: [toLoadedAgency(doc)] }, ['patch', 'agency', code, patch]);
    return (await this.repo.findAgency(code))!;
  }

  async disableAgency(code: string): Promise<AgencyView> {
    if (!(await this.repo.findAgency(code))) throw new CatalogItemNotFoundError('agency', code);
    await this.applyApi({}, ['disable', 'agency', code], { agencies: [code] });
    return (await this.repo.findAgency(code))!;
  }

  // --- systems

  async createSystem(doc: SystemDocument): Promise<SystemDetail> {
    if (await this.repo.findSystem(doc.code)) throw new CatalogItemExistsError('system', doc.code);
    await this.assertSystemFits(doc);
    await this.applyApi(
      {
        systems: [toLoadedSystem(doc)],
        checks: doc.checks.map((c) => toLoadedCheck(doc.code, c, this.caPem(c))),
      },
      ['create', 'system', doc],
    );
    return this.systemDetail(doc.code);
  }

  async patchSystem(code: string, patch: SystemPatch): Promise<SystemDetail> {
    const stored = await this.repo.findSystem(code);
    if (!stored) throw new CatalogItemNotFoundError('system', code);
    const doc = this.parse(systemDocumentSchema, mergePatch(systemDocumentOf(stored), patch as Doc));
    await this.assertSystemFits(doc);
    await this.applyApi({ systems: [toLoadedSystem(doc)] }, ['patch', 'system', code, patch]);
    return this.systemDetail(code);
  }

  async disableSystem(code: string): Promise<SystemDetail> {
    if (!(await this.repo.findSystem(code))) throw new CatalogItemNotFoundError('system', code);
    await this.applyApi({}, ['disable', 'system', code], { systems: [code] });
    return this.systemDetail(code);
  }

  async systemDetail(code: string): Promise<SystemDetail> {
    const system = await this.repo.findSystem(code);
    if (!system) throw new CatalogItemNotFoundError('system', code);
    const [checks, dependents] = await Promise.all([
      this.repo.listChecks({ system: code }),
      this.repo.dependentsOf(code),
    ]);
    return { ...system, checks, dependents };
  }

  // --- checks

  async createCheck(systemCode: string, doc: CheckDocument): Promise<CheckView> {
    if (!(await this.repo.findSystem(systemCode))) throw new CatalogItemNotFoundError('system', systemCode);
    const key = checkKey(systemCode, doc.code);
    if (await this.repo.findCheck(key)) throw new CatalogItemExistsError('check', key);
    this.assertNoProblems([...this.checkProblems(doc, []), ...this.apiEnvProblems(doc.options, [])]);
    await this.applyApi({ checks: [toLoadedCheck(systemCode, doc, this.caPem(doc))] }, [
      'create',
      'check',
      systemCode,
      doc,
    ]);
    return (await this.repo.findCheck(key))!;
  }

  async patchCheck(systemCode: string, code: string, patch: CheckPatch): Promise<CheckView> {
    const key = checkKey(systemCode, code);
    const stored = await this.repo.findCheck(key);
    if (!stored) throw new CatalogItemNotFoundError('check', key);
    if (patch.options) this.assertNoProblems(this.apiEnvProblems(patch.options, []));
    const merged = mergePatch(checkDocumentOf(stored), patch as Doc);
    // A new kind brings its own options; the old kind's ones would be unknown fields.
    if (patch.kind !== undefined && patch.kind !== stored.kind && patch.options === undefined)
      delete merged.options;
    if (isRecord(merged.options)) merged.options = await this.keptSecrets(key, stored, patch, merged.options);
    const doc = this.parse(checkDocumentSchema, merged);
    this.assertNoProblems(this.checkProblems(doc, []));
    await this.applyApi({ checks: [toLoadedCheck(systemCode, doc, this.caPem(doc))] }, [
      'patch',
      'check',
      key,
      patch,
    ]);
    return (await this.repo.findCheck(key))!;
  }

  async disableCheck(systemCode: string, code: string): Promise<CheckView> {
    const key = checkKey(systemCode, code);
    if (!(await this.repo.findCheck(key))) throw new CatalogItemNotFoundError('check', key);
    await this.applyApi({}, ['disable', 'check', key], { checks: [key] });
    return (await this.repo.findCheck(key))!;
  }

  /**
   * The stored secrets put back where the options carry the placeholder (views never hold the
   * values, so a PATCH built from one sends placeholders). A new target or kind keeps none.
   */
  private async keptSecrets(key: string, stored: CheckView, patch: CheckPatch, options: Doc): Promise<Doc> {
    const sameTarget =
      (patch.target === undefined || patch.target === stored.target) && (patch.kind === undefined || patch.kind === stored.kind);
    const restored = restoreCheckSecrets(options, (await this.repo.findCheckOptions(key)) ?? {}, sameTarget);
    this.assertNoProblems(this.fieldProblems(restored.problems, []));
    return restored.options;
  }

  /** A contact's webhook secrets sent as placeholders keep the stored ones; references are refused. */
  private keptContactSecrets(doc: AgencyDocument, stored: AgencyDocument['contacts']): AgencyDocument {
    const restored = restoreContactSecrets(doc.contacts, stored);
    this.assertNoProblems(this.fieldProblems(restored.problems, []));
    return { ...doc, contacts: restored.contacts };
  }

  /** `${env:NAME}` is for the catalog folder only: the API may not read the server's environment. */
  private apiEnvProblems(options: Record<string, unknown>, prefix: (string | number)[]): FieldProblem[] {
    return this.fieldProblems(envReferenceInApiProblems(options), prefix);
  }

  private fieldProblems(problems: PathProblem[], prefix: (string | number)[]): FieldProblem[] {
    return problems.map((p) => ({ field: formatFieldPath([...prefix, ...p.path]), message: p.message }));
  }

  // --- maintenance

  async createMaintenance(doc: MaintenanceDocument): Promise<MaintenanceView> {
    if (await this.repo.findMaintenance(doc.code))
      throw new CatalogItemExistsError('maintenance window', doc.code);
    await this.assertSystemsExist(doc.systems, 'systems');
    await this.applyApi({ maintenance: [toLoadedMaintenance(doc)] }, ['create', 'maintenance', doc]);
    return (await this.repo.findMaintenance(doc.code))!;
  }

  async patchMaintenance(code: string, patch: MaintenancePatch): Promise<MaintenanceView> {
    const stored = await this.repo.findMaintenance(code);
    if (!stored) throw new CatalogItemNotFoundError('maintenance window', code);
    const doc = this.parse(
      maintenanceDocumentSchema,
      mergePatch(maintenanceDocumentOf(stored), patch as Doc),
    );
    await this.assertSystemsExist(doc.systems, 'systems');
    await this.applyApi({ maintenance: [toLoadedMaintenance(doc)] }, ['patch', 'maintenance', code, patch]);
    return (await this.repo.findMaintenance(code))!;
  }

  async disableMaintenance(code: string): Promise<MaintenanceView> {
    if (!(await this.repo.findMaintenance(code)))
      throw new CatalogItemNotFoundError('maintenance window', code);
    await this.applyApi({}, ['disable', 'maintenance', code], { maintenance: [code] });
    return (await this.repo.findMaintenance(code))!;
  }

  // --- shared

  private async applyApi(
    changes: CatalogChangeSet,
    request: unknown[],
    disable?: CatalogDisableSet,
  ): Promise<void> {
    // Over the request without its check secrets: the hash is logged and stored with the revision.
    const contentHash = createHash('sha256')
      .update(canonicalJson(redactCheckSecretsDeep(request, '[redacted]')))
      .digest('hex');
    await this.applier.apply(changes, { source: 'api', scope: 'partial', disable, contentHash });
  }

  private parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new CatalogRequestError(zodIssuesToFieldProblems(parsed.error.issues));
    return parsed.data;
  }

  private assertNoProblems(problems: FieldProblem[]): void {
    if (problems.length) throw new CatalogRequestError(problems);
  }

  /** A notification override names one of the agency's own systems. */
  private async assertPolicyFits(doc: AgencyDocument): Promise<void> {
    const problems: FieldProblem[] = [];
    for (const code of Object.keys(doc.notifications.systems)) {
      const field = `notifications.systems.${code}`;
      const system = await this.repo.findSystem(code);
      if (!system) problems.push({ field, message: `unknown system "${code}"` });
      else if (system.agency !== doc.code)
        problems.push({ field, message: `system "${code}" belongs to agency "${system.agency}"` });
    }
    this.assertNoProblems(problems);
  }

  private async assertSystemFits(doc: SystemDocument): Promise<void> {
    const problems: FieldProblem[] = [];
    if (!(await this.repo.findAgency(doc.agency)))
      problems.push({ field: 'agency', message: `unknown agency "${doc.agency}"` });
    if (doc.category !== undefined && !(await this.repo.categoryExists(doc.category))) {
      problems.push({ field: 'category', message: `unknown category "${doc.category}"` });
    }
    const known = await this.repo.existingSystemCodes(doc.depends_on);
    doc.depends_on.forEach((dep, j) => {
      if (!known.has(dep) && dep !== doc.code)
        problems.push({ field: `depends_on[${j}]`, message: `unknown system "${dep}"` });
    });
    const graph = await this.repo.dependencyGraph();
    graph.set(doc.code, doc.depends_on);
    for (const cycle of findDependencyCycles(graph)) {
      if (cycle.includes(doc.code))
        problems.push({ field: 'depends_on', message: `dependency cycle: ${cycle.join(' -> ')}` });
    }
    const seen = new Set<string>();
    doc.checks.forEach((check, j) => {
      if (seen.has(check.code))
        problems.push({ field: `checks[${j}].code`, message: `duplicate check code "${check.code}"` });
      seen.add(check.code);
      problems.push(...this.checkProblems(check, ['checks', j]), ...this.apiEnvProblems(check.options, ['checks', j]));
    });
    this.assertNoProblems(problems);
  }

  private async assertSystemsExist(codes: string[], field: string): Promise<void> {
    const known = await this.repo.existingSystemCodes(codes);
    this.assertNoProblems(
      codes.flatMap((code, j) =>
        known.has(code) ? [] : [{ field: `${field}[${j}]`, message: `unknown system "${code}"` }],
      ),
    );
  }

  private checkProblems(check: CheckDocument, prefix: (string | number)[]): FieldProblem[] {
    const policy = ProbeNetworkPolicy.fromCidrs(this.catalog.policy.probeAllow);
    const problems = this.fieldProblems(
      checkRuleProblems(check, { minIntervalS: this.catalog.policy.minIntervalS, policy }),
      prefix,
    );
    const ca = this.resolveCa(check);
    if (ca.problem)
      problems.push({ field: formatFieldPath([...prefix, 'options', 'ca_file']), message: ca.problem });
    return problems;
  }

  private caPem(check: CheckDocument): string | undefined {
    return this.resolveCa(check).pem;
  }

  /** ca_file of a REST write is read from the catalog folder, which must therefore be set. */
  private resolveCa(check: CheckDocument) {
    const folder = this.catalog.catalogFolder;
    return resolveCaFile(check, folder ? this.reader.auxFileReader(folder) : () => undefined);
  }
}
