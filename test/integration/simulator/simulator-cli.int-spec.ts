import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { transformFile } from '@swc/core';
import { httpOutcome } from './support/sim-clients';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const SOURCE = path.join(REPO_ROOT, 'apps/simulator/src');
// Inside the repository so that node_modules resolve; .tmp/ is git-ignored.
const BUILD = path.join(REPO_ROOT, 'apps/simulator/.tmp', `cli-test-${process.pid}`);

/** Compiles the simulator with SWC (as scripts/build.mjs does), so the test runs real JavaScript. */
async function compileSimulator(): Promise<string> {
  const files = (function walk(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory()
        ? walk(path.join(dir, e.name))
        : e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts')
          ? [path.join(dir, e.name)]
          : [],
    );
  })(SOURCE);
  for (const file of files) {
    const { code } = await transformFile(file, {
      swcrc: false,
      jsc: { parser: { syntax: 'typescript', decorators: true }, target: 'es2022', keepClassNames: true },
      module: { type: 'commonjs' },
    });
    const target = path.join(BUILD, path.relative(SOURCE, file)).replace(/\.ts$/, '.js');
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, code);
  }
  return path.join(BUILD, 'main.js');
}

interface Run {
  child: ChildProcess;
  lines: string[];
  stderr: () => string;
  exit: Promise<number | null>;
}

function run(entry: string, args: string[]): Run {
  const child = spawn(process.execPath, [entry, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH },
  });
  const lines: string[] = [];
  let err = '';
  createInterface({ input: child.stdout! }).on('line', (l) => lines.push(l));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, lines, stderr: () => err, exit };
}

async function until<T>(fn: () => T | undefined, ms: number, what: string): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('simulator CLI', () => {
  let entry: string;
  const catalogDir = mkdtempSync(path.join(tmpdir(), 'kuzet-cli-catalog-'));
  let current: Run | undefined;

  beforeAll(async () => {
    entry = await compileSimulator();
  });
  afterEach(() => {
    if (current && current.child.exitCode === null) current.child.kill('SIGKILL');
  });
  afterAll(() => {
    rmSync(BUILD, { recursive: true, force: true });
    // Drop the .tmp folder too when no other run is using it.
    if (readdirSync(path.dirname(BUILD)).length === 0)
      rmSync(path.dirname(BUILD), { recursive: true, force: true });
    rmSync(catalogDir, { recursive: true, force: true });
  });

  it('prints one ready line, writes the catalog, serves, and stops on SIGTERM', async () => {
    current = run(entry, [
      '--catalog-out',
      catalogDir,
      '--control-port',
      '0',
      '--interval',
      '5',
      '--systems',
      'esf,damumed',
      '--day-in-the-life',
    ]);
    const line = await until(() => current!.lines[0], 20_000, `the ready line (stderr: ${current.stderr()})`);
    const ready = JSON.parse(line) as Record<string, unknown>;
    expect(Object.keys(ready).sort()).toEqual(['catalog_dir', 'control_url', 'dns_port', 'event', 'systems']);
    expect(ready).toMatchObject({ event: 'simulator.ready', catalog_dir: catalogDir, systems: 2 });
    expect(existsSync(path.join(catalogDir, 'systems', 'src.yaml'))).toBe(true);
    expect(existsSync(path.join(catalogDir, 'simulator-ca.pem'))).toBe(true);

    const control = String(ready.control_url);
    const systems = (
      (await (await fetch(`${control}/systems`)).json()) as {
        systems: { code: string; ports: { http: number } }[];
      }
    ).systems;
    const esfHttp = systems.find((s) => s.code === 'esf')!.ports.http;
    expect(await httpOutcome(`http://127.0.0.1:${esfHttp}/health`)).toBe('ok 200');
    expect(
      ((await (await fetch(`${control}/scenario/day-in-the-life`)).json()) as { running: boolean }).running,
    ).toBe(true);
    // logs are JSON lines on stderr, never on stdout
    expect(
      current
        .stderr()
        .split('\n')
        .filter(Boolean)
        .every((l) => JSON.parse(l).name === 'kuzet-simulator'),
    ).toBe(true);

    current.child.kill('SIGTERM');
    expect(await current.exit).toBe(0);
    expect(current.lines).toHaveLength(1);
    expect(await httpOutcome(`http://127.0.0.1:${esfHttp}/health`)).toBe('ECONNREFUSED');
  });

  it('exits 2 with the usage on a bad flag', async () => {
    current = run(entry, ['--control-port', 'many']);
    expect(await current.exit).toBe(2);
    expect(current.stderr()).toContain('--control-port must be an integer');
    expect(current.stderr()).toContain('usage:');
    expect(current.lines).toEqual([]);
  });
});
