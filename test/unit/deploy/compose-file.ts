import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

export const ROOT = resolve(__dirname, '../../..');

export interface ComposeService {
  image?: string;
  build?: string | { context: string; dockerfile?: string };
  command?: string[] | string;
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] | string; interval?: string };
  ports?: string[];
  volumes?: string[];
}

export interface ComposeFile {
  name?: string;
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

/** docker-compose.yml as Compose reads it: YAML merge keys (`<<: *anchor`) resolved. */
export function readCompose(): { raw: unknown; compose: ComposeFile } {
  const raw: unknown = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true });
  return { raw, compose: raw as ComposeFile };
}

/**
 * Compose's variable interpolation for one value: ${VAR}, ${VAR:-default}, ${VAR-default},
 * ${VAR:?message} and $$ (a literal $), looked up in `env` (the deployment's .env).
 */
export function interpolate(value: string, env: Record<string, string>): string {
  return value.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g, (match, name?: string, op?: string, arg?: string) => {
    if (match === '$$') return '$';
    const set = env[name!];
    if (op === undefined) return set ?? '';
    const missing = op.startsWith(':') ? set === undefined || set === '' : set === undefined;
    if (!missing) return set!;
    if (op.endsWith('?')) throw new Error(`${name}: ${arg}`);
    return arg ?? '';
  });
}

/** host:container[/proto] (or a bare container port) of a short-syntax ports entry. */
export function publishedPort(entry: string): { host: number | undefined; container: number } {
  const parts = entry.replace(/\/(tcp|udp|sctp)$/, '').split(':');
  const container = Number(parts[parts.length - 1]);
  const host = parts.length > 1 ? Number(parts[parts.length - 2]) : undefined;
  return { host, container };
}

/** The port an HTTP health check command asks on 127.0.0.1 / localhost, if it names one. */
export function healthcheckPort(test: string[] | string | undefined): number | undefined {
  const text = Array.isArray(test) ? test.join(' ') : (test ?? '');
  const m = /(?:127\.0\.0\.1|localhost):(\d+)/.exec(text);
  return m ? Number(m[1]) : undefined;
}
