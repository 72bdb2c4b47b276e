/** Where the spool reports events (one line each); the app passes a pino-backed logger. */
export interface SpoolLogger {
  log(message: string): void;
  warn(message: string): void;
}

export const silentSpoolLogger: SpoolLogger = { log: () => undefined, warn: () => undefined };
