import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnModuleInit,
  Optional,
} from '@nestjs/common';
import type { CheckResultRow } from '../timeseries/check-result';
import { checkResultProblem } from './check-result-validator';
import type { IngestAck } from './ingest-ack';
import { IngestMetrics } from './ingest-metrics';
import { IngestQueue, QueueSlice } from './ingest-queue';
import { INGEST_SPOOL, IngestSpool } from './ingest-spool';
import { IngestStore } from './ingest-store';
import { IngestTimers } from './ingest-timers';
import { IngestClosedError, IngestNotDurableError, IngestWriteTimeoutError } from './ingest.errors';
import { INGEST_OPTIONS, IngestOptions, resolveIngestOptions } from './ingest.options';
import { fromSpooled, SpooledCheckResult, toSpooled } from './spooled-check-result';
import { classifyWriteError } from './write-error-kind';
import { ResultsStream } from './results-stream';

/** 'direct': batches go to PostgreSQL; 'degraded': to the spool, while the database is probed. */
export type IngestMode = 'direct' | 'degraded';

export interface IngestStats {
  mode: IngestMode;
  queueDepth: number;
  spooledRows: number;
  /** Insert statements executed (direct writes and replays). */
  statements: number;
}

/** One write() call in flight. */
class WriteTicket {
  stored = 0;
  spooled = 0;
  dropped = 0;
  private pending: number;
  private failed = false;
  readonly done: Promise<IngestAck>;
  private resolve!: (ack: IngestAck) => void;
  private reject!: (err: Error) => void;

  constructor(
    readonly accepted: number,
    readonly rejected: number,
  ) {
    this.pending = accepted;
    this.done = new Promise<IngestAck>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  settle(kind: 'stored' | 'spooled' | 'dropped', n: number): void {
    this[kind] += n;
    this.pending -= n;
    if (this.pending === 0 && !this.failed) {
      this.resolve({
        accepted: this.accepted,
        rejected: this.rejected,
        stored: this.stored,
        spooled: this.spooled,
        dropped: this.dropped,
      });
    }
  }

  fail(err: Error): void {
    if (this.failed) return;
    this.failed = true;
    this.reject(err);
  }
}

interface OwnedRow {
  row: CheckResultRow;
  ticket: WriteTicket | undefined;
}

/**
 * The loss-free write path of check results. write() resolves once its rows are durable: in
 * PostgreSQL, or in the disk spool while the database is unavailable. Behind it, a bounded
 * queue (backpressure when full) and one writer loop that group-commits the rows of many calls
 * in one statement of up to batchMaxRows. On a lost database the writer spools, probes with
 * backoff, replays the spool in order on recovery, then resumes direct writes. Rows refused
 * by the database as bad data are isolated and dropped, never the whole batch.
 */
@Injectable()
export class IngestService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(IngestService.name);
  private readonly options: IngestOptions;
  private readonly queue: IngestQueue<WriteTicket>;
  private mode: IngestMode = 'direct';
  private probeDelayMs: number;
  private nextProbeAt = 0;
  private statements = 0;
  private loop: Promise<void> | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private stopping = false;

  constructor(
    private readonly store: IngestStore,
    @Inject(INGEST_SPOOL) private readonly spool: IngestSpool,
    private readonly metrics: IngestMetrics,
    private readonly timers: IngestTimers,
    @Optional() @Inject(INGEST_OPTIONS) options?: Partial<IngestOptions>,
    @Optional() private readonly results?: ResultsStream,
  ) {
    this.options = resolveIngestOptions(options);
    this.queue = new IngestQueue<WriteTicket>(this.options.queueMaxRows, timers);
    this.probeDelayMs = this.options.probeInitialMs;
    metrics.bind({
      queueDepth: () => this.queue.depth,
      spoolRows: () => this.spool.size().items,
      degraded: () => this.mode === 'degraded',
    });
  }

  onModuleInit(): void {
    this.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Starts the writer loop (idempotent). Rows left in the spool by a previous process are replayed first. */
  start(): void {
    if (this.loop) return;
    const left = this.spool.size().items;
    if (left > 0) {
      this.logger.log(`ingest: ${left} spooled rows from a previous run, replaying before direct writes`);
      this.enterDegraded(0);
    }
    this.loop = this.run().catch((err: unknown) => {
      this.logger.error(`ingest writer stopped: ${errorText(err)}`);
    });
  }

  /** Refuses new writes, writes (or spools) everything queued, closes the spool. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.queue.close();
    await this.loop;
    await this.spool.close();
    this.logger.log(`ingest stopped (${this.spool.size().items} rows left in the spool)`);
  }

  /**
   * Queues rows (waiting for room when the queue is full) and resolves once every accepted
   * row is durable. Invalid rows are refused up front and counted in `rejected`.
   */
  async write(rows: readonly CheckResultRow[]): Promise<IngestAck> {
    if (this.stopping) throw new IngestClosedError('ingest is shutting down');
    this.start();
    const valid: CheckResultRow[] = [];
    let firstProblem: string | null = null;
    for (const row of rows) {
      const problem = checkResultProblem(row);
      if (problem === null) valid.push(row);
      else firstProblem ??= `check ${String(row?.checkId)} ${String(row?.region)}: ${problem}`;
    }
    const rejected = rows.length - valid.length;
    if (rejected > 0) {
      this.metrics.rowsRejected.inc({ reason: 'invalid' }, rejected);
      this.logger.warn(`ingest: rejected ${rejected} of ${rows.length} rows, first: ${firstProblem}`);
    }
    const ticket = new WriteTicket(valid.length, rejected);
    if (valid.length === 0) {
      ticket.settle('stored', 0);
      return ticket.done;
    }
    await this.queue.put(valid, ticket);
    return ticket.done;
  }

  get queueDepth(): number {
    return this.queue.depth;
  }

  stats(): IngestStats {
    return {
      mode: this.mode,
      queueDepth: this.queue.depth,
      spooledRows: this.spool.size().items,
      statements: this.statements,
    };
  }

  private async run(): Promise<void> {
    const { batchMaxRows, lingerMs } = this.options;
    for (;;) {
      if (this.mode === 'degraded' && !this.stopping && this.timers.now() >= this.nextProbeAt) {
        await this.drainInFlight();
        await this.tryRecover();
      }
      if (this.queue.depth === 0) {
        // Settle what is in flight first: a failure there switches the mode (and the wait below).
        if (this.inFlight.size > 0) {
          await this.drainInFlight();
          continue;
        }
        if (this.stopping) return;
        const untilProbe =
          this.mode === 'degraded' ? Math.max(1, this.nextProbeAt - this.timers.now()) : undefined;
        await this.queue.waitForRows(1, untilProbe);
        continue;
      }
      if (this.queue.depth < batchMaxRows && !this.stopping)
        await this.queue.waitForRows(batchMaxRows, lingerMs);
      const slices = this.queue.take(batchMaxRows);
      if (this.mode === 'degraded') {
        // The spool is one ordered log: no overlap while writing to it.
        await this.drainInFlight();
        await this.writeSlices(slices);
        continue;
      }
      const write: Promise<void> = this.writeSlices(slices).finally(() => this.inFlight.delete(write));
      this.inFlight.add(write);
      // Marked handled here; a failure surfaces through the race or drain below.
      write.catch(() => undefined);
      if (this.inFlight.size >= this.options.writeConcurrency) await Promise.race(this.inFlight);
    }
  }

  /** Waits for every statement in flight; the first failure, if any, is rethrown. */
  private async drainInFlight(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  private async writeSlices(slices: QueueSlice<WriteTicket>[]): Promise<void> {
    const rows = slices.length === 1 ? slices[0].rows : slices.flatMap((s) => s.rows);
    if (this.mode === 'degraded') {
      await this.spoolRows(slices.map((s) => ({ rows: s.rows, ticket: s.owner })));
      return;
    }
    try {
      await this.insertTimed(rows);
      for (const s of slices) s.owner.settle('stored', s.rows.length);
    } catch (err) {
      if (classifyWriteError(err) === 'data') {
        const owned: OwnedRow[] = [];
        for (const s of slices) for (const row of s.rows) owned.push({ row, ticket: s.owner });
        const unwritten = await this.insertIsolating(owned, err);
        if (unwritten.length > 0) await this.spoolOwned(unwritten);
        return;
      }
      this.logger.warn(`ingest: database unavailable (${errorText(err)}), spooling ${rows.length} rows`);
      this.enterDegraded(this.options.probeInitialMs);
      await this.spoolRows(slices.map((s) => ({ rows: s.rows, ticket: s.owner })));
    }
  }

  /** One insert statement, timed and bounded by writeTimeoutMs; returns rows really inserted. */
  private async insertTimed(rows: CheckResultRow[]): Promise<number> {
    const stopTimer = this.metrics.batchWriteSeconds.startTimer();
    this.metrics.batchRows.observe(rows.length);
    this.statements++;
    let timer: ReturnType<IngestTimers['setTimeout']> | undefined;
    try {
      const inserted = await Promise.race([
        this.store.insert(rows),
        new Promise<never>((_, reject) => {
          timer = this.timers.setTimeout(
            () =>
              reject(
                new IngestWriteTimeoutError(
                  `insert of ${rows.length} rows took over ${this.options.writeTimeoutMs}ms`,
                ),
              ),
            this.options.writeTimeoutMs,
          );
        }),
      ]);
      stopTimer();
      this.metrics.batches.inc({ target: 'database' });
      this.metrics.rowsWritten.inc(inserted);
      if (inserted < rows.length) this.metrics.duplicates.inc(rows.length - inserted);
      // Durable in the database now (direct write, isolated half or spool replay).
      this.results?.publish(rows);
      return inserted;
    } finally {
      if (timer !== undefined) this.timers.clearTimeout(timer);
    }
  }

  /**
   * A batch the database refused as bad data: bisect it, store every good half, drop the single
   * rows it refuses. Returns the rows not attempted because the database became unavailable
   * meanwhile (the caller spools them); throws nothing.
   */
  private async insertIsolating(rows: OwnedRow[], firstError: unknown): Promise<OwnedRow[]> {
    const stack: { rows: OwnedRow[]; error?: unknown }[] = [{ rows, error: firstError }];
    let dropped = 0;
    while (stack.length > 0) {
      const part = stack.pop()!;
      if (part.error === undefined) {
        try {
          await this.insertTimed(part.rows.map((o) => o.row));
          settleOwned(part.rows, 'stored');
          continue;
        } catch (err) {
          if (classifyWriteError(err) !== 'data') {
            this.logger.warn(`ingest: database unavailable while isolating bad rows (${errorText(err)})`);
            this.enterDegraded(this.options.probeInitialMs);
            return [part.rows, ...stack.map((p) => p.rows)].flat();
          }
          part.error = err;
        }
      }
      if (part.rows.length === 1) {
        const { row } = part.rows[0];
        dropped++;
        this.metrics.rowsRejected.inc({ reason: 'database' });
        this.logger.warn(
          `ingest: dropped a row the database refused (check ${row.checkId} ${row.region} ${row.time.toISOString()}): ${errorText(part.error)}`,
        );
        settleOwned(part.rows, 'dropped');
        continue;
      }
      const mid = Math.ceil(part.rows.length / 2);
      // Pushed second half first so the first half is written first (keeps order).
      stack.push({ rows: part.rows.slice(mid) }, { rows: part.rows.slice(0, mid) });
    }
    if (dropped > 0)
      this.logger.warn(`ingest: batch of ${rows.length} rows stored without ${dropped} refused rows`);
    return [];
  }

  private async spoolOwned(rows: OwnedRow[]): Promise<void> {
    const groups: { rows: CheckResultRow[]; ticket: WriteTicket | undefined }[] = [];
    for (const o of rows) {
      const last = groups[groups.length - 1];
      if (last && last.ticket === o.ticket) last.rows.push(o.row);
      else groups.push({ rows: [o.row], ticket: o.ticket });
    }
    await this.spoolRows(groups);
  }

  private async spoolRows(
    groups: { rows: CheckResultRow[]; ticket: WriteTicket | undefined }[],
  ): Promise<void> {
    const items: SpooledCheckResult[] = [];
    for (const g of groups) for (const row of g.rows) items.push(toSpooled(row));
    try {
      await this.spool.append(items);
    } catch (err) {
      this.logger.error(
        `ingest: ${items.length} rows are not durable: spool write failed: ${errorText(err)}`,
      );
      const failure = new IngestNotDurableError(
        `database unavailable and spool write failed: ${errorText(err)}`,
        {
          cause: err,
        },
      );
      for (const g of groups) g.ticket?.fail(failure);
      return;
    }
    this.metrics.rowsSpooled.inc(items.length);
    this.metrics.batches.inc({ target: 'spool' });
    for (const g of groups) g.ticket?.settle('spooled', g.rows.length);
  }

  private enterDegraded(probeInMs: number): void {
    if (this.mode !== 'degraded') {
      this.mode = 'degraded';
      this.probeDelayMs = this.options.probeInitialMs;
    }
    this.nextProbeAt = this.timers.now() + probeInMs;
  }

  /** Probe the database; when it answers, replay the whole spool in order, then go direct. */
  private async tryRecover(): Promise<void> {
    try {
      await this.store.ping();
    } catch (err) {
      this.backOff(`database still unavailable (${errorText(err)})`);
      return;
    }
    const before = this.spool.size().items;
    const started = this.timers.now();
    try {
      const { replayed } = await this.spool.replay((items) => this.replayItems(items));
      this.mode = 'direct';
      this.probeDelayMs = this.options.probeInitialMs;
      this.logger.log(
        `ingest: database available again, replayed ${replayed} spooled rows in ${this.timers.now() - started}ms, direct writes resumed`,
      );
    } catch (err) {
      this.backOff(`replay of ${before} spooled rows interrupted (${errorText(err)})`);
    }
  }

  private backOff(reason: string): void {
    this.nextProbeAt = this.timers.now() + this.probeDelayMs;
    this.logger.warn(`ingest: ${reason}; next probe in ${this.probeDelayMs}ms`);
    this.probeDelayMs = Math.min(this.probeDelayMs * 2, this.options.probeMaxMs);
  }

  /** One replay chunk: validated, inserted; bad rows dropped; unavailability throws (replay stops). */
  private async replayItems(items: SpooledCheckResult[]): Promise<void> {
    const owned: OwnedRow[] = [];
    for (const item of items) {
      const row = fromSpooled(item);
      const problem = checkResultProblem(row);
      if (problem === null) owned.push({ row, ticket: undefined });
      else {
        this.metrics.rowsRejected.inc({ reason: 'invalid' });
        this.logger.warn(`ingest: dropped an invalid spooled row: ${problem}`);
      }
    }
    if (owned.length === 0) return;
    const rows = owned.map((o) => o.row);
    try {
      await this.insertTimed(rows);
    } catch (err) {
      if (classifyWriteError(err) !== 'data') throw err;
      const unwritten = await this.insertIsolating(owned, err);
      if (unwritten.length > 0) throw new IngestNotDurableError('database unavailable during replay');
    }
    this.metrics.rowsReplayed.inc(owned.length);
  }
}

function settleOwned(rows: OwnedRow[], kind: 'stored' | 'dropped'): void {
  let i = 0;
  while (i < rows.length) {
    const ticket = rows[i].ticket;
    let j = i;
    while (j < rows.length && rows[j].ticket === ticket) j++;
    ticket?.settle(kind, j - i);
    i = j;
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
