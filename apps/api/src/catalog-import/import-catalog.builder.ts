import { validateConditions } from '@kuzet/checks';
import { ImportCodeAllocator } from './import-codes';
import {
  ImportedCatalog,
  ImportedCheck,
  ImportedContact,
  ImportOptions,
  ImportResult,
  ImportWarning,
  sameName,
} from './catalog-import.types';

/**
 * The part both importers share: one agency, categories from source groups, one system per
 * monitored endpoint, unique codes across the folder (docs/catalog.md: codes are global), and the
 * warning list.
 */
export class ImportCatalogBuilder {
  readonly warnings: ImportWarning[] = [];
  private readonly codes = new ImportCodeAllocator('imported');
  private readonly categoryCodes = new Map<string, string>();
  private readonly catalog: ImportedCatalog;

  constructor(readonly options: ImportOptions) {
    this.codes.allocate(options.agencyCode);
    this.catalog = {
      categories: [],
      agencies: [{ code: options.agencyCode, name: sameName(options.agencyName) }],
      systems: [],
    };
  }

  warn(entry: string, message: string): void {
    this.warnings.push({ entry, message });
  }

  addContact(contact: ImportedContact): void {
    const agency = this.catalog.agencies[0];
    const names = new Set((agency.contacts ?? []).map((c) => c.name));
    let name = contact.name;
    for (let n = 2; name !== undefined && names.has(name); n++) name = `${contact.name}-${n}`;
    (agency.contacts ??= []).push(name === undefined ? contact : { ...contact, name });
  }

  /** The category code for a source group, created on first use. */
  category(group: string): string {
    let code = this.categoryCodes.get(group);
    if (code === undefined) {
      code = this.codes.allocate(group);
      this.categoryCodes.set(group, code);
      this.catalog.categories.push({ code, name: sameName(group) });
    }
    return code;
  }

  addSystem(name: string, check: ImportedCheck, extra: { group?: string; enabled?: boolean } = {}): void {
    this.catalog.systems.push({
      code: this.codes.allocate(name),
      agency: this.options.agencyCode,
      name: sameName(name),
      tier: 'normal',
      ...(extra.group ? { category: this.category(extra.group) } : {}),
      ...(extra.enabled === false ? { enabled: false } : {}),
      checks: [check],
    });
  }

  /** Keeps the conditions Kuzet's grammar accepts; each other one becomes a warning. */
  conditions(entry: string, texts: readonly string[]): string[] {
    const invalid = new Map(validateConditions([...texts]).map((p) => [p.index, p.message]));
    texts.forEach((text, i) => {
      const problem = invalid.get(i);
      if (problem !== undefined) this.warn(entry, `condition "${text}" is not supported by Kuzet (${problem}); left out`);
    });
    return texts.filter((_, i) => !invalid.has(i));
  }

  result(): ImportResult {
    return { catalog: this.catalog, warnings: this.warnings };
  }
}
