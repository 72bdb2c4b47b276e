'use strict';
const path = require('node:path');
const { createRequire } = require('node:module');
const { requireBuilt } = require('./require-built');

/**
 * Runs `work(dataSource)` on the server's own database: its configuration (DATABASE_URL, or the
 * embedded database under KUZET_DATA_DIR; stop the server first when it runs on the embedded
 * database) and the same migrations. Closed afterwards, whatever happens.
 */
async function withServerDatabase(root, work) {
  // The server's services log through Nest; on the command line only errors are worth a line.
  createRequire(path.join(root, 'apps/api/package.json'))('@nestjs/common').Logger.overrideLogger(['error']);
  const { loadAppConfig } = requireBuilt(root, 'apps/api/src/config/app-config.ts');
  const { openDatabase } = requireBuilt(root, 'apps/api/src/database/open-database.ts');
  const quiet = { log: () => undefined, warn: (m) => process.stderr.write(`${m}\n`), error: (m) => process.stderr.write(`${m}\n`) };
  const db = await openDatabase(loadAppConfig(process.env), { migrate: true, log: quiet });
  try {
    return await work(db.dataSource);
  } finally {
    await db.close();
  }
}

module.exports = { withServerDatabase };
