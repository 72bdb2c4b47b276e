/** Errors of the disk spool. */
export class SpoolError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** An append could not be made durable (write or fsync failed); the items are not spooled. */
export class SpoolWriteError extends SpoolError {}

/** An item cannot be spooled (not JSON-serialisable). */
export class SpoolItemError extends SpoolError {}
