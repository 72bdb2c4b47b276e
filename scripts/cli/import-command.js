'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { requireBuilt } = require('./require-built');

/**
 * `kuzet import <file>`: a Gatus config.yaml or an Uptime Kuma JSON backup to one catalog YAML
 * file (stdout or --out). Every source feature left out is a "warning:" line on stderr.
 */
function register(program, { root }) {
  program
    .command('import')
    .description('convert a Gatus config.yaml or an Uptime Kuma backup (JSON) into catalog YAML')
    .argument('<file>', 'the Gatus config or the Uptime Kuma backup')
    .option('--format <format>', 'gatus or uptime-kuma (default: detected from the content)')
    .option('--agency <code>', 'code of the agency the imported systems belong to', 'imported')
    .option('--agency-name <name>', 'display name of that agency', 'Imported')
    .option('--min-interval <seconds>', 'lowest check interval accepted (KUZET_MIN_INTERVAL_S)', parsePositive, 10)
    .option('-o, --out <file>', 'write the catalog here instead of stdout')
    .action((file, options) => {
      const { CatalogImportService, IMPORT_FORMATS } = requireBuilt(
        root,
        'apps/api/src/catalog-import/catalog-import.service.ts',
      );
      if (options.format !== undefined && !IMPORT_FORMATS.includes(options.format))
        throw new Error(`--format expects one of ${IMPORT_FORMATS.join(', ')}, got "${options.format}"`);
      const output = new CatalogImportService().convert(
        fs.readFileSync(file, 'utf8'),
        path.basename(file),
        { agencyCode: options.agency, agencyName: options.agencyName, minIntervalS: options.minInterval },
        options.format,
      );
      for (const w of output.warnings) process.stderr.write(`warning: ${w.entry}: ${w.message}\n`);
      if (options.out) {
        fs.mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
        fs.writeFileSync(options.out, output.yaml);
      }
      else process.stdout.write(output.yaml);
      const c = output.catalog;
      process.stderr.write(
        `imported (${output.format}): ${c.systems.length} systems, ${c.categories.length} categories, ${(c.agencies[0].contacts ?? []).length} contacts; ${output.warnings.length} warnings\n`,
      );
    });
}

function parsePositive(value) {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--min-interval expects a positive number of seconds, got "${value}"`);
  return n;
}

module.exports = { register };
