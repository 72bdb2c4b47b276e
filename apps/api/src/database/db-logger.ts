/**
 * What database code logs through: Nest's Logger satisfies it (and goes to pino once the app
 * calls `app.useLogger(app.get(Logger))` from nestjs-pino); scripts may pass a pino logger
 * wrapper or `console`. One line an event.
 */
export interface DbLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  debug?(message: string): void;
}

/** Redacts the password of a postgres:// URL for log lines. */
export function redactDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable url)';
  }
}
