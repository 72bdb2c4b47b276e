import { ChildProcess, spawn } from 'node:child_process';
import { API_NODE_FLAGS } from '../../apps/api/src/boot/node-runtime-flags';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository, from test/support under Jest or from dist/test/support when a benchmark runs compiled. */
export const REPO_ROOT = resolve(__dirname, __dirname.endsWith(join('dist', 'test', 'support')) ? '../../..' : '../..');
export const API_ENTRY = join(REPO_ROOT, 'dist/apps/api/src/main.js');

export interface KuzetProcess {
  child: ChildProcess;
  baseUrl: string;
  output: () => string;
  /** SIGTERM, then the exit code (SIGKILL after the grace period). */
  stop: (graceMs?: number) => Promise<number | null>;
}

/**
 * Starts the built application (what `npm start` runs) as a child process. The test environment's
 * DATABASE_URL is dropped unless given, so the default (embedded PostgreSQL) path is the one tested.
 */
export function startKuzet(env: Record<string, string>, port: number, nodeFlags: readonly string[] = API_NODE_FLAGS): KuzetProcess {
  if (!existsSync(API_ENTRY)) throw new Error(`${API_ENTRY} is missing: run npm run build first (npm test does)`);
  const childEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...env, PORT: String(port), HOST: '127.0.0.1' };
  const child = spawn(process.execPath, [...nodeFlags, API_ENTRY], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (chunk: Buffer) => {
    log += chunk.toString();
    if (log.length > 2_000_000) log = log.slice(-1_000_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return {
    child,
    baseUrl: `http://127.0.0.1:${port}`,
    output: () => log,
    stop: (graceMs = 30_000) =>
      new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done(child.exitCode);
        const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
        child.once('exit', (code) => {
          clearTimeout(force);
          done(code);
        });
        child.kill('SIGTERM');
      }),
  };
}

/** Polls url until it answers 200 or the deadline passes; returns the milliseconds it took. */
export async function waitForOk(url: string, timeoutMs: number, proc?: KuzetProcess): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (proc && proc.child.exitCode !== null) throw new Error(`process exited (${proc.child.exitCode}):\n${proc.output().slice(-4000)}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms${proc ? `:\n${proc.output().slice(-4000)}` : ''}`);
}
