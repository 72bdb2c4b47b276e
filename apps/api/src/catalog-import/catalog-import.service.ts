import { Injectable } from '@nestjs/common';
import { parse, stringify } from 'yaml';
import { CatalogImportError } from './catalog-import.errors';
import { ImportOptions, ImportResult } from './catalog-import.types';
import { mapGatusConfig } from './gatus-config.mapper';
import { mapUptimeKumaBackup } from './uptime-kuma-backup.mapper';

export const IMPORT_FORMATS = ['gatus', 'uptime-kuma'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface CatalogImportOutput extends ImportResult {
  format: ImportFormat;
  /** One catalog file (docs/catalog.md), with a header naming the source. */
  yaml: string;
}

/** `kuzet import`: a Gatus config.yaml or an Uptime Kuma backup in, one catalog YAML file out. */
@Injectable()
export class CatalogImportService {
  convert(sourceText: string, sourceName: string, options: ImportOptions, format?: ImportFormat): CatalogImportOutput {
    const doc = parseSource(sourceText);
    const chosen = format ?? detectFormat(doc);
    const result = chosen === 'gatus' ? mapGatusConfig(doc, options) : mapUptimeKumaBackup(doc, options);
    const { categories, ...rest } = result.catalog;
    const body = stringify(categories.length > 0 ? { categories, ...rest } : rest, { lineWidth: 0 });
    const header =
      `# Imported by \`kuzet import\` from ${sourceName} (${chosen}).\n` +
      `# Names are the source names in all three languages: translate kk and ru.\n` +
      (result.warnings.length > 0 ? `# ${result.warnings.length} warnings (features left out or changed): see the command's output.\n` : '');
    return { ...result, format: chosen, yaml: header + body };
  }
}

function parseSource(text: string): unknown {
  try {
    return parse(text); // YAML 1.2 is a superset of JSON: one parser for both formats
  } catch (error) {
    throw new CatalogImportError(`the file is neither YAML nor JSON: ${(error as Error).message}`);
  }
}

export function detectFormat(doc: unknown): ImportFormat {
  if (typeof doc === 'object' && doc !== null) {
    if ('monitorList' in doc) return 'uptime-kuma';
    if ('endpoints' in doc || 'external-endpoints' in doc) return 'gatus';
  }
  throw new CatalogImportError('unknown format: expected a Gatus config (endpoints:) or an Uptime Kuma backup (monitorList)');
}
