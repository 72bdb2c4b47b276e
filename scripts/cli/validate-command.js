'use strict';
const path = require('node:path');
const { requireBuilt } = require('./require-built');

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

/** `kuzet validate <dir>`: the server's catalog loader, without a server or a database. */
function register(program, { root }) {
  program
    .command('validate')
    .description(
      'validate a catalog folder; prints OK and counts, or one "file:line: field: message" per error',
    )
    .argument('<dir>', 'the catalog folder')
    .option(
      '--min-interval <seconds>',
      'lowest check interval accepted (KUZET_MIN_INTERVAL_S)',
      parsePositive,
      10,
    )
    .option(
      '--allow <cidrs>',
      'networks probes may reach besides public ones, comma-separated; repeatable (KUZET_PROBE_ALLOW)',
      (value, previous) =>
        previous.concat(
          value
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      [],
    )
    .option('--json', 'print the result as JSON')
    .action(async (dir, options) => {
      const { CatalogLoaderService } = requireBuilt(
        root,
        'apps/api/src/catalog/loader/catalog-loader.service.ts',
      );
      const { CatalogFolderReader } = requireBuilt(
        root,
        'apps/api/src/catalog/loader/catalog-folder.reader.ts',
      );
      const { CatalogValidationError } = requireBuilt(root, 'apps/api/src/catalog/catalog.errors.ts');
      const { formatCatalogProblem, ProbeNetworkPolicy } = requireBuilt(root, 'libs/contracts/src/index.ts');
      const { catalogEnvLookup } = requireBuilt(root, 'apps/api/src/config/app-config.ts');
      ProbeNetworkPolicy.fromCidrs(options.allow); // a malformed --allow is a usage error (exit 2)
      const loader = new CatalogLoaderService(new CatalogFolderReader());
      // `${env:NAME}` in check secrets must be set here as on the server that loads the folder.
      const policy = { minIntervalS: options.minInterval, probeAllow: options.allow, env: catalogEnvLookup(process.env) };
      try {
        const { counts } = await loader.loadFolder(path.resolve(dir), policy);
        if (options.json) process.stdout.write(`${JSON.stringify({ valid: true, counts, errors: [] })}\n`);
        else {
          process.stdout.write(
            `OK: ${plural(counts.agencies, 'agency', 'agencies')}, ${plural(counts.systems, 'system', 'systems')}, ${plural(counts.checks, 'check', 'checks')}\n`,
          );
        }
        process.exitCode = 0;
      } catch (error) {
        if (!(error instanceof CatalogValidationError)) throw error;
        if (options.json)
          process.stdout.write(`${JSON.stringify({ valid: false, errors: error.problems })}\n`);
        else {
          for (const problem of error.problems) process.stdout.write(`${formatCatalogProblem(problem)}\n`);
          process.stderr.write(`invalid: ${plural(error.problems.length, 'error', 'errors')}\n`);
        }
        process.exitCode = 1;
      }
    });
}

function parsePositive(value) {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new Error(`--min-interval expects a positive number of seconds, got "${value}"`);
  return n;
}

module.exports = { register };
