/** Errors of the database module: embedded server, migrations, storage mode. */
export class DatabaseError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The embedded PostgreSQL could not be prepared, started or stopped. */
export class EmbeddedPostgresError extends DatabaseError {}

/** A migration failed; the transaction of that migration was rolled back. */
export class MigrationFailedError extends DatabaseError {
  constructor(
    readonly migrationName: string,
    cause: unknown,
  ) {
    super(`migration ${migrationName} failed: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
  }
}

/** The storage mode is missing (migrations not run) or unusable. */
export class StorageModeError extends DatabaseError {}
