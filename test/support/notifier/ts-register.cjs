// Lets a child process run the TypeScript sources directly (as Jest does, with SWC and the same
// @kuzet/* aliases): `node -r ./ts-register.cjs script.ts`. For tests that kill a process.
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '../../..');
const aliases = {
  '@kuzet/contracts': 'libs/contracts/src',
  '@kuzet/checks': 'libs/checks/src',
  '@kuzet/detection': 'libs/detection/src',
  '@kuzet/spool': 'libs/spool/src',
  '@kuzet/simulator': 'apps/simulator/src',
};

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  for (const [alias, dir] of Object.entries(aliases))
    if (request === alias || request.startsWith(`${alias}/`))
      return resolveFilename.call(this, path.join(root, dir, request.slice(alias.length)), ...rest);
  return resolveFilename.call(this, request, ...rest);
};

Module._extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
