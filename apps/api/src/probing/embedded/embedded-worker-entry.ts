import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EmbeddedWorkerData } from './embedded-agent.messages';

/**
 * Compiles TypeScript on require with SWC, for a worker started from sources (Jest runs the API
 * from its .ts files; the build ships embedded-agent.worker.js and never takes this path).
 */
const TS_SOURCE_BOOTSTRAP = `
const { transformSync } = require('@swc/core');
const { readFileSync } = require('node:fs');
const Module = require('node:module');
Module._extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename, swcrc: false, sourceMaps: 'inline',
    jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022', keepClassNames: true },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
require(require('node:worker_threads').workerData.__entry);
`;

/** Starts the embedded agent's worker thread: the built .js next to this file, or its .ts source. */
export function startEmbeddedWorker(data: EmbeddedWorkerData): Worker {
  const compiled = join(__dirname, 'embedded-agent.worker.js');
  if (existsSync(compiled)) return new Worker(compiled, { workerData: data });
  const source = join(__dirname, 'embedded-agent.worker.ts');
  return new Worker(TS_SOURCE_BOOTSTRAP, { eval: true, workerData: { ...data, __entry: source } });
}
