import { hostname } from 'node:os';
import * as path from 'node:path';
import { z } from 'zod';
import { InvalidProbeConfigError } from './probe.errors';

const schema = z.object({
  KUZET_API_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  KUZET_PROBE_TOKEN: z.string().min(16, 'must be the probe token given by `kuzet probe-token create`'),
  KUZET_PROBE_REGION: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a region code (a-z, 0-9, -)'),
  KUZET_PROBE_ID: z
    .string()
    .regex(/^[A-Za-z0-9._:@-]{1,100}$/, 'letters, digits and . _ : @ - only, at most 100')
    .optional(),
  KUZET_DATA_DIR: z.string().min(1).default('./data'),
  KUZET_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KUZET_RECHECK_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
});

/** The variables the agent reads (deployment files are checked against this list). */
export const PROBE_CONFIG_VARIABLES: readonly string[] = Object.keys(schema.shape);

export interface ProbeConfig {
  apiUrl: string;
  token: string;
  region: string;
  agentId: string;
  dataDir: string;
  spoolDir: string;
  logLevel: z.infer<typeof schema>['KUZET_LOG_LEVEL'];
  /** Delay of the immediate recheck of a changed result; 0 = no rechecks. */
  recheckDelayMs: number;
}

/** The agent's environment, validated once; a bad value throws InvalidProbeConfigError naming it. */
export function loadProbeConfig(env: Record<string, string | undefined>): ProbeConfig {
  const source: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') source[key] = value;
  }
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    throw new InvalidProbeConfigError(
      parsed.error.issues.map((i) => ({ variable: String(i.path[0] ?? '?'), message: i.message })),
    );
  }
  const v = parsed.data;
  const dataDir = path.resolve(v.KUZET_DATA_DIR);
  return {
    apiUrl: v.KUZET_API_URL.replace(/\/+$/, ''),
    token: v.KUZET_PROBE_TOKEN,
    region: v.KUZET_PROBE_REGION,
    agentId: v.KUZET_PROBE_ID ?? `${hostname().replace(/[^A-Za-z0-9._:@-]/g, '-').slice(0, 80)}-${v.KUZET_PROBE_REGION}`,
    dataDir,
    spoolDir: path.join(dataDir, 'probe-spool'),
    logLevel: v.KUZET_LOG_LEVEL,
    recheckDelayMs: v.KUZET_RECHECK_DELAY_MS,
  };
}
