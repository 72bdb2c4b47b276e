import pino, { Logger } from 'pino';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/**
 * Structured JSON logs, one line per event, on stderr: stdout is reserved for the single
 * ready line that the API's demo module waits for.
 */
export function createSimulatorLogger(level: LogLevel = 'info'): Logger {
  return pino(
    { name: 'kuzet-simulator', level, base: { pid: process.pid } },
    pino.destination({ fd: 2, sync: true }),
  );
}
