/**
 * What became of the rows of one IngestService.write() call, once all of them are settled.
 * accepted = stored + spooled + dropped.
 */
export interface IngestAck {
  /** Rows that passed validation and were queued. */
  accepted: number;
  /** Rows refused before queueing (see checkResultProblem). */
  rejected: number;
  /** Rows durable in PostgreSQL (new rows and duplicates of rows already stored). */
  stored: number;
  /** Rows durable in the disk spool, to be replayed into PostgreSQL on recovery. */
  spooled: number;
  /** Rows the database refused as bad data (logged and dropped, the rest of the batch stored). */
  dropped: number;
}
