import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram } from 'prom-client';
import { MetricsRegistry } from '../metrics/metrics-registry.service';

/** Prometheus metrics of the ingest pipeline, on the process registry. */
@Injectable()
export class IngestMetrics {
  readonly rowsWritten: Counter;
  readonly rowsSpooled: Counter;
  readonly rowsReplayed: Counter;
  readonly duplicates: Counter;
  readonly rowsRejected: Counter<'reason'>;
  readonly batches: Counter<'target'>;
  readonly batchWriteSeconds: Histogram;
  readonly batchRows: Histogram;
  private readonly queueDepth: Gauge;
  private readonly spoolRows: Gauge;
  private readonly degraded: Gauge;
  private sources: { queueDepth: () => number; spoolRows: () => number; degraded: () => boolean } = {
    queueDepth: () => 0,
    spoolRows: () => 0,
    degraded: () => false,
  };

  constructor(metrics: MetricsRegistry) {
    const registers = [metrics.registry];
    this.rowsWritten = new Counter({
      name: 'kuzet_ingest_rows_written_total',
      help: 'Check result rows inserted into PostgreSQL (direct writes and replays, duplicates excluded)',
      registers,
    });
    this.rowsSpooled = new Counter({
      name: 'kuzet_ingest_rows_spooled_total',
      help: 'Check result rows written to the disk spool while the database was unavailable',
      registers,
    });
    this.rowsReplayed = new Counter({
      name: 'kuzet_ingest_rows_replayed_total',
      help: 'Spooled rows replayed into PostgreSQL after recovery',
      registers,
    });
    this.duplicates = new Counter({
      name: 'kuzet_ingest_rows_duplicate_total',
      help: 'Rows ignored because the same check, region and planned time was already stored',
      registers,
    });
    this.rowsRejected = new Counter({
      name: 'kuzet_ingest_rows_rejected_total',
      help: 'Rows refused: invalid before queueing, or refused by the database as bad data',
      labelNames: ['reason'],
      registers,
    });
    this.batches = new Counter({
      name: 'kuzet_ingest_batches_total',
      help: 'Batches written by the ingest writer, by target (database or spool)',
      labelNames: ['target'],
      registers,
    });
    this.batchWriteSeconds = new Histogram({
      name: 'kuzet_ingest_batch_write_seconds',
      help: 'Duration of one batch insert statement',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.batchRows = new Histogram({
      name: 'kuzet_ingest_batch_rows',
      help: 'Rows in one batch insert statement',
      buckets: [1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000],
      registers,
    });
    const sources = () => this.sources;
    this.queueDepth = new Gauge({
      name: 'kuzet_ingest_queue_depth_rows',
      help: 'Rows waiting in the in-memory ingest queue',
      registers,
      collect() {
        this.set(sources().queueDepth());
      },
    });
    this.spoolRows = new Gauge({
      name: 'kuzet_ingest_spool_rows',
      help: 'Rows in the disk spool waiting for replay',
      registers,
      collect() {
        this.set(sources().spoolRows());
      },
    });
    this.degraded = new Gauge({
      name: 'kuzet_ingest_degraded',
      help: '1 while the database is unavailable and rows go to the disk spool',
      registers,
      collect() {
        this.set(sources().degraded() ? 1 : 0);
      },
    });
  }

  /** Where the gauges read their values at scrape time. */
  bind(sources: { queueDepth: () => number; spoolRows: () => number; degraded: () => boolean }): void {
    this.sources = sources;
  }
}
