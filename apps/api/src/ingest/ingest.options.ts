/** Tunables of the ingest pipeline; every one has a default (proposed env names in brackets). */
export interface IngestOptions {
  /** Rows the in-memory queue holds before write() waits for room (KUZET_INGEST_QUEUE_MAX). */
  queueMaxRows: number;
  /** Most rows written by one statement (KUZET_INGEST_BATCH_MAX). */
  batchMaxRows: number;
  /**
   * Insert statements in flight at once (KUZET_INGEST_WRITE_CONCURRENCY). Two overlap Node's
   * preparation of one batch with PostgreSQL's work on the other; rows are disjoint or
   * idempotent by (check, region, time), so order between batches does not matter.
   */
  writeConcurrency: number;
  /** How long the writer waits for a batch to fill before writing what it has (KUZET_INGEST_LINGER_MS). */
  lingerMs: number;
  /** A database write taking longer counts as a lost connection (KUZET_INGEST_WRITE_TIMEOUT_MS). */
  writeTimeoutMs: number;
  /** First and longest pause between health probes while the database is away. */
  probeInitialMs: number;
  probeMaxMs: number;
}

export const DEFAULT_INGEST_OPTIONS: IngestOptions = {
  queueMaxRows: 50_000,
  batchMaxRows: 5_000,
  lingerMs: 50,
  writeConcurrency: 2,
  writeTimeoutMs: 30_000,
  probeInitialMs: 250,
  probeMaxMs: 5_000,
};

/** Injection token: Partial<IngestOptions>, merged over the defaults. */
export const INGEST_OPTIONS = Symbol('INGEST_OPTIONS');

export function resolveIngestOptions(options: Partial<IngestOptions> = {}): IngestOptions {
  const merged = { ...DEFAULT_INGEST_OPTIONS, ...options };
  for (const [key, value] of Object.entries(merged)) {
    if (!(Number.isInteger(value) && value > 0))
      throw new RangeError(`ingest option ${key} must be a positive integer`);
  }
  return merged;
}
