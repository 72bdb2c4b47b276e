'use strict';
const fs = require('node:fs');
const path = require('node:path');

/** Exit code when the compiled code is missing (distinct from 1, "the catalog is invalid"). */
const EXIT_NOT_BUILT = 2;

/**
 * Requires a module of the SWC build (dist/ keeps the source paths: apps/api/src/x.ts ->
 * dist/apps/api/src/x.js). Exits with a clear message when the build is missing.
 */
function requireBuilt(root, sourcePath) {
  const file = path.join(root, 'dist', sourcePath.replace(/\.ts$/, '.js'));
  if (!fs.existsSync(file)) {
    process.stderr.write(
      `kuzet: the compiled code is missing (${path.relative(process.cwd(), file) || file}).\n` +
        `Run \`npm run build\` in ${root} first.\n`,
    );
    process.exit(EXIT_NOT_BUILT);
  }
  return require(file);
}

module.exports = { requireBuilt, EXIT_NOT_BUILT };
