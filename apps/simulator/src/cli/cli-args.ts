import { parseArgs } from 'node:util';
import { LogLevel } from '../logging/simulator-logger';

export const DEFAULT_CONTROL_PORT = 3999;

export interface CliOptions {
  help: boolean;
  catalogOut?: string;
  controlPort: number;
  intervalS?: number;
  dayInTheLife: boolean;
  dayInTheLifeSpeed?: number;
  fleet?: string;
  seed?: string;
  basePort?: number;
  systems?: string[];
  logLevel: LogLevel;
}

export class CliUsageError extends Error {}

export const USAGE = `usage: node apps/simulator/dist/main.js [options]
  --catalog-out <dir>           write the demo catalog (YAML + simulator-ca.pem) there
  --control-port <port>         control API port on 127.0.0.1 (default ${DEFAULT_CONTROL_PORT}; 0 = any free port)
  --interval <seconds>          check interval in the catalog (default 30)
  --day-in-the-life             play the scripted day in the life
  --day-in-the-life-speed <n>   time compression of that script (default 1 = real time)
  --fleet <file>                fleet facts (default: $KUZET_FLEET_FILE, shared/data/kz-fleet.yaml, bundled copy)
  --seed <text>                 seed for every random choice (default kuzet)
  --base-port <port>            fixed ports from here instead of ephemeral ones
  --systems <a,b,c>             start only these systems
  --log-level <level>           fatal|error|warn|info|debug|trace|silent (default info; logs go to stderr)
  --help`;

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Parses argv (without node and script); `env` supplies KUZET_FLEET_FILE when --fleet is absent. */
export function parseCliArgs(argv: string[], env: Record<string, string | undefined> = {}): CliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        help: { type: 'boolean', short: 'h', default: false },
        'catalog-out': { type: 'string' },
        'control-port': { type: 'string' },
        interval: { type: 'string' },
        'day-in-the-life': { type: 'boolean', default: false },
        'day-in-the-life-speed': { type: 'string' },
        fleet: { type: 'string' },
        seed: { type: 'string' },
        'base-port': { type: 'string' },
        systems: { type: 'string' },
        'log-level': { type: 'string', default: 'info' },
      },
    }));
  } catch (err) {
    throw new CliUsageError((err as Error).message);
  }
  const logLevel = values['log-level'] as LogLevel;
  if (!LOG_LEVELS.includes(logLevel))
    throw new CliUsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}`);
  const systems = values.systems
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    help: values.help === true,
    catalogOut: values['catalog-out'],
    controlPort: integer(values['control-port'], '--control-port', 0, 65535) ?? DEFAULT_CONTROL_PORT,
    intervalS: positive(values.interval, '--interval'),
    dayInTheLife: values['day-in-the-life'] === true,
    dayInTheLifeSpeed: positive(values['day-in-the-life-speed'], '--day-in-the-life-speed'),
    fleet: values.fleet ?? (env.KUZET_FLEET_FILE || undefined),
    seed: values.seed,
    basePort: integer(values['base-port'], '--base-port', 1, 65535),
    systems: systems && systems.length > 0 ? systems : undefined,
    logLevel,
  };
}

function integer(text: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max)
    throw new CliUsageError(`${flag} must be an integer ${min}..${max}, got "${text}"`);
  return n;
}

function positive(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n <= 0)
    throw new CliUsageError(`${flag} must be a positive number, got "${text}"`);
  return n;
}
