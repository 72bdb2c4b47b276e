import {
  agencyDocumentSchema,
  CATALOG_SECTIONS,
  catalogFileShapeSchema,
  CatalogProblem,
  CatalogSection,
  categoryDocumentSchema,
  findTextFault,
  formatFieldPath,
  maintenanceDocumentSchema,
  systemDocumentSchema,
  zodIssuesToPathIssues,
} from '@kuzet/contracts';
import { isAlias, LineCounter, parseDocument, visit } from 'yaml';
import { z } from 'zod';
import { CatalogSourceFile } from './catalog-source';
import { LocatedItem } from './located-item';
import { YamlSourceMap } from './yaml-source-map';

const ITEM_SCHEMAS: Record<CatalogSection, z.ZodType> = {
  categories: categoryDocumentSchema,
  agencies: agencyDocumentSchema,
  systems: systemDocumentSchema,
  maintenance: maintenanceDocumentSchema,
};

export interface ParsedCatalogFile {
  problems: CatalogProblem[];
  items: LocatedItem<unknown>[];
  /** True when the file's items could not be listed at all (syntax or top-level errors). */
  unreadable: boolean;
}

/**
 * Parses one YAML file: syntax errors as file:line:col, then the top-level shape, then each item
 * on its own with its schema (errors at the line of the field). Never throws.
 */
export function parseCatalogFile(file: CatalogSourceFile): ParsedCatalogFile {
  const lines = new LineCounter();
  const doc = parseDocument(file.content, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const problems: CatalogProblem[] = [];
  for (const error of doc.errors) {
    const pos = lines.linePos(error.pos[0]);
    problems.push({ file: file.path, line: pos.line, column: pos.col, message: error.message });
  }
  if (problems.length) return { problems, items: [], unreadable: true };

  // toJS() throws on an alias to a missing anchor; find it first to report its line.
  visit(doc, {
    Alias(_, node) {
      if (isAlias(node) && node.resolve(doc) === undefined) {
        const pos = lines.linePos(node.range?.[0] ?? 0);
        problems.push({
          file: file.path,
          line: pos.line,
          column: pos.col,
          message: `unknown alias *${node.source}`,
        });
      }
    },
  });
  if (problems.length) return { problems, items: [], unreadable: true };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 }) ?? {};
  } catch (e) {
    return {
      problems: [{ file: file.path, line: 1, message: (e as Error).message }],
      items: [],
      unreadable: true,
    };
  }

  const map = new YamlSourceMap(doc, lines);
  // A YAML escape ("\0", "\x00") gives a NUL that PostgreSQL would refuse only at apply time.
  const fault = findTextFault(data);
  if (fault) {
    const field = formatFieldPath(fault.path) || undefined;
    return { problems: [{ file: file.path, line: map.line(fault.path), field, message: fault.message }], items: [], unreadable: true };
  }
  const shape = catalogFileShapeSchema.safeParse(data);
  if (!shape.success) {
    for (const issue of zodIssuesToPathIssues(shape.error.issues)) {
      problems.push({
        file: file.path,
        line: map.line(issue.path),
        field: formatFieldPath(issue.path) || undefined,
        message: issue.message,
      });
    }
    return { problems, items: [], unreadable: true };
  }

  const items: LocatedItem<unknown>[] = [];
  for (const section of CATALOG_SECTIONS) {
    const list = shape.data[section] ?? [];
    list.forEach((raw, index) => {
      const path = [section, index];
      const parsed = ITEM_SCHEMAS[section].safeParse(raw);
      const code =
        typeof raw === 'object' && raw !== null && typeof (raw as { code?: unknown }).code === 'string'
          ? (raw as { code: string }).code
          : undefined;
      items.push({
        section,
        path,
        file: file.path,
        map,
        code,
        value: parsed.success ? parsed.data : undefined,
      });
      if (!parsed.success) {
        for (const issue of zodIssuesToPathIssues(parsed.error.issues, path)) {
          problems.push({
            file: file.path,
            line: map.line(issue.path),
            field: formatFieldPath(issue.path),
            message: issue.message,
          });
        }
      }
    });
  }
  return { problems, items, unreadable: false };
}
