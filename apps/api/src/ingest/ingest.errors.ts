/** Errors of the ingest pipeline. */
export class IngestError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** write() after shutdown began: the rows were not taken. */
export class IngestClosedError extends IngestError {}

/** Rows could not be made durable anywhere: the database is away and the spool write failed. */
export class IngestNotDurableError extends IngestError {}

/** A database write took longer than writeTimeoutMs; treated like a lost connection. */
export class IngestWriteTimeoutError extends IngestError {}
