import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { FileHandle, open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { silentSpoolLogger, SpoolLogger } from './spool-logger';
import { countLines, parseSegment, parseSegmentFileName, segmentFileName } from './spool-segment';
import { SpoolError, SpoolItemError, SpoolWriteError } from './spool.errors';

export interface DiskSpoolOptions {
  /** A segment is closed and a new one started when an append would take it past this size (default 8 MiB). */
  segmentMaxBytes?: number;
  /** Most items given to one replay handler call (default 5,000). */
  replayBatchMax?: number;
  /** fsync every append (default true; only tests of other things turn it off). */
  fsync?: boolean;
  logger?: SpoolLogger;
}

export interface SpoolSize {
  segments: number;
  bytes: number;
  /** Complete lines on disk, not yet acknowledged. */
  items: number;
}

/** A replay stopped at a handler failure; what was replayed before it is acknowledged and gone. */
export class SpoolReplayError extends SpoolError {
  constructor(
    readonly replayed: number,
    cause: unknown,
  ) {
    super(
      `spool replay stopped after ${replayed} items: ${cause instanceof Error ? cause.message : String(cause)}`,
      {
        cause,
      },
    );
  }
}

interface SegmentInfo {
  bytes: number;
  items: number;
}

interface ActiveSegment {
  sequence: number;
  handle: FileHandle;
}

const DEFAULT_SEGMENT_MAX_BYTES = 8 * 1024 * 1024;
const DEFAULT_REPLAY_BATCH_MAX = 5000;
const TMP_SUFFIX = '.tmp';

/**
 * A durable, append-only FIFO of JSON values on disk: a folder of numbered segment files of
 * JSON lines. `append` resolves once its items are written and fsync'd; `replay` hands them
 * back in append order and deletes each segment once all its items were handled. Survives a
 * restart (a new instance on the same folder continues where the old one stopped; it never
 * appends to a segment written before, so a torn last line stays isolated and is skipped with
 * a warning). Generic: used by the API's ingest and by the probe agent alike.
 */
export class DiskSpool<T> {
  private readonly segmentMaxBytes: number;
  private readonly replayBatchMax: number;
  private readonly fsync: boolean;
  private readonly logger: SpoolLogger;
  /** Every segment on disk, by sequence (Map keeps insertion order = sequence order). */
  private readonly segments = new Map<number, SegmentInfo>();
  private active: ActiveSegment | undefined;
  private nextSequence = 1;
  /** Serialises appends and sealing of the active segment. */
  private appendChain: Promise<unknown> = Promise.resolve();
  /** Serialises replays. */
  private replayChain: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    readonly dir: string,
    options: DiskSpoolOptions = {},
  ) {
    this.segmentMaxBytes = options.segmentMaxBytes ?? DEFAULT_SEGMENT_MAX_BYTES;
    this.replayBatchMax = options.replayBatchMax ?? DEFAULT_REPLAY_BATCH_MAX;
    this.fsync = options.fsync ?? true;
    this.logger = options.logger ?? silentSpoolLogger;
    mkdirSync(dir, { recursive: true });
    const found: number[] = [];
    for (const name of readdirSync(dir)) {
      if (name.endsWith(TMP_SUFFIX)) {
        // A rewrite interrupted by a crash: the original segment is still there, intact.
        rmSync(join(dir, name), { force: true });
        continue;
      }
      const sequence = parseSegmentFileName(name);
      if (sequence !== undefined) found.push(sequence);
    }
    found.sort((a, b) => a - b);
    for (const sequence of found) {
      const buf = readFileSync(join(dir, segmentFileName(sequence)));
      this.segments.set(sequence, { bytes: buf.length, items: countLines(buf) });
    }
    if (found.length > 0) {
      this.nextSequence = found[found.length - 1] + 1;
      const size = this.size();
      this.logger.log(
        `spool ${dir}: found ${size.items} items in ${size.segments} segments (${size.bytes} bytes)`,
      );
    }
  }

  size(): SpoolSize {
    let bytes = 0;
    let items = 0;
    for (const s of this.segments.values()) {
      bytes += s.bytes;
      items += s.items;
    }
    return { segments: this.segments.size, bytes, items };
  }

  /** Appends items as one write + fsync; resolves when they are durable. */
  async append(items: readonly T[]): Promise<void> {
    if (items.length === 0) return;
    if (this.closed) throw new SpoolError(`spool ${this.dir} is closed`);
    const data = Buffer.from(serialise(items), 'utf8');
    await this.serialised(() => this.appendNow(data, items.length));
  }

  /**
   * Hands every item spooled before this call to `handler`, in append order, at most
   * replayBatchMax at a time, deleting each segment once all its items were handled. Stops at
   * the first handler failure with SpoolReplayError: the failed items and everything after them
   * stay spooled (a partly handled segment is rewritten without its handled items).
   * Items appended while a replay runs go to new segments and wait for the next replay.
   */
  replay(handler: (items: T[]) => Promise<void>): Promise<{ replayed: number }> {
    const run = this.replayChain.then(() => this.replayNow(handler));
    this.replayChain = run.catch(() => undefined);
    return run;
  }

  /** Closes the active segment's file; further appends are refused. */
  async close(): Promise<void> {
    this.closed = true;
    await this.serialised(() => this.sealActive());
  }

  private serialised<R>(work: () => Promise<R>): Promise<R> {
    const run = this.appendChain.then(work);
    this.appendChain = run.catch(() => undefined);
    return run;
  }

  private async appendNow(data: Buffer, count: number): Promise<void> {
    const current = this.active ? this.segments.get(this.active.sequence) : undefined;
    if (this.active && current && current.bytes > 0 && current.bytes + data.length > this.segmentMaxBytes) {
      await this.sealActive();
    }
    let active: ActiveSegment;
    try {
      active = this.active ?? (await this.openSegment());
    } catch (err) {
      throw new SpoolWriteError(`spool ${this.dir}: cannot open a segment: ${errorText(err)}`, {
        cause: err,
      });
    }
    const info = this.segments.get(active.sequence)!;
    try {
      let offset = 0;
      while (offset < data.length) {
        const { bytesWritten } = await active.handle.write(data, offset, data.length - offset);
        offset += bytesWritten;
      }
      if (this.fsync) await active.handle.sync();
    } catch (err) {
      // Whatever reached the file may end in a torn line: never append after it.
      await this.sealActive().catch(() => undefined);
      const onDisk = await readFile(join(this.dir, segmentFileName(active.sequence))).catch(() =>
        Buffer.alloc(0),
      );
      this.segments.set(active.sequence, { bytes: onDisk.length, items: countLines(onDisk) });
      throw new SpoolWriteError(`spool ${this.dir}: append of ${count} items failed: ${errorText(err)}`, {
        cause: err,
      });
    }
    info.bytes += data.length;
    info.items += count;
  }

  private async openSegment(): Promise<ActiveSegment> {
    const sequence = this.nextSequence++;
    const handle = await open(join(this.dir, segmentFileName(sequence)), 'ax');
    this.segments.set(sequence, { bytes: 0, items: 0 });
    if (this.fsync) await this.syncDir();
    this.active = { sequence, handle };
    return this.active;
  }

  private async sealActive(): Promise<void> {
    const active = this.active;
    if (!active) return;
    this.active = undefined;
    await active.handle.close();
  }

  private async replayNow(handler: (items: T[]) => Promise<void>): Promise<{ replayed: number }> {
    await this.serialised(() => this.sealActive());
    const snapshot = [...this.segments.keys()];
    let replayed = 0;
    for (const sequence of snapshot) {
      const file = join(this.dir, segmentFileName(sequence));
      const text = await readFile(file, 'utf8');
      const { items, skipped } = parseSegment<T>(text);
      for (const s of skipped) {
        this.logger.warn(
          `spool ${this.dir}: skipped line ${s.line} of ${segmentFileName(sequence)}: ${s.reason}`,
        );
      }
      let done = 0;
      try {
        while (done < items.length) {
          const chunk = items.slice(done, done + this.replayBatchMax);
          await handler(chunk);
          done += chunk.length;
          replayed += chunk.length;
        }
      } catch (err) {
        if (done > 0) await this.rewriteSegment(sequence, items.slice(done));
        throw new SpoolReplayError(replayed, err);
      }
      await unlink(file);
      this.segments.delete(sequence);
    }
    if (this.fsync && snapshot.length > 0) await this.syncDir();
    return { replayed };
  }

  /** Replaces a segment by its not yet handled items (write to a temp file, fsync, rename). */
  private async rewriteSegment(sequence: number, rest: T[]): Promise<void> {
    const file = join(this.dir, segmentFileName(sequence));
    const tmp = `${file}${TMP_SUFFIX}`;
    const data = Buffer.from(serialise(rest), 'utf8');
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(data);
      if (this.fsync) await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
    if (this.fsync) await this.syncDir();
    this.segments.set(sequence, { bytes: data.length, items: rest.length });
  }

  private async syncDir(): Promise<void> {
    const handle = await open(this.dir, 'r');
    try {
      await handle.sync();
    } catch {
      // Some file systems cannot fsync a directory; the file's own fsync still holds.
    } finally {
      await handle.close();
    }
  }
}

function serialise(items: readonly unknown[]): string {
  let out = '';
  for (const item of items) {
    const line = JSON.stringify(item);
    if (line === undefined) throw new SpoolItemError('cannot spool a value that has no JSON form');
    out += `${line}\n`;
  }
  return out;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
