#!/usr/bin/env node
'use strict';
// The kuzet command line. Commands run the compiled server code (dist/, made by `npm run build`)
// so that they behave exactly as the server does. One module per command under scripts/cli/.
const path = require('node:path');
const { createRequire } = require('node:module');

const root = path.resolve(__dirname, '..');
// commander 14 is a dependency of @kuzet/api; the root node_modules may hold an older one.
const { Command } = createRequire(path.join(root, 'apps/api/package.json'))('commander');

const program = new Command()
  .name('kuzet')
  .description('Kuzet: reliability and outage monitoring of state digital systems')
  .showHelpAfterError();

require('./cli/validate-command').register(program, { root });
require('./cli/probe-token-command').register(program, { root });
require('./cli/user-command').register(program, { root });
require('./cli/score-command').register(program, { root });
require('./cli/import-command').register(program, { root });

program.parseAsync(process.argv).catch((error) => {
  process.stderr.write(`kuzet: ${error && error.message ? error.message : String(error)}\n`);
  process.exit(2);
});
