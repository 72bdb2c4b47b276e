import { Injectable, Optional } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { MetricsRegistry } from '../metrics/metrics-registry.service';

/** Where the detector stands, read when Prometheus scrapes. */
export interface DetectorProgress {
  lagSeconds(): number;
  queuedRows(): number;
}

/** Prometheus metrics of the detector: lag, queue, overflows, rows read back from the database, transitions. */
@Injectable()
export class DetectorMetrics {
  readonly overflows: Counter | undefined;
  readonly catchUpRows: Counter | undefined;
  readonly transitions: Counter<'from' | 'to'> | undefined;
  private progress: DetectorProgress | undefined;

  constructor(@Optional() metrics?: MetricsRegistry) {
    if (!metrics) return;
    const registers = [metrics.registry];
    const read = () => this.progress;
    new Gauge({
      name: 'kuzet_detector_lag_seconds',
      help: 'Age of the oldest result the detector has not processed yet (0 when it is idle)',
      registers,
      collect(this: Gauge) {
        this.set(read()?.lagSeconds() ?? 0);
      },
    });
    new Gauge({
      name: 'kuzet_detector_queue_rows',
      help: 'Results waiting in memory for the detector',
      registers,
      collect(this: Gauge) {
        this.set(read()?.queuedRows() ?? 0);
      },
    });
    this.overflows = new Counter({
      name: 'kuzet_detector_overflows_total',
      help: 'Times the detector queue was full and the detector switched to reading results back from the database',
      registers,
    });
    this.catchUpRows = new Counter({
      name: 'kuzet_detector_catch_up_rows_total',
      help: 'Durable results the detector read back from check_results (after a restart or an overflow)',
      registers,
    });
    this.transitions = new Counter({
      name: 'kuzet_detector_transitions_total',
      help: 'Hard state changes of a check in a region (soft/hard machine), by from and to state',
      labelNames: ['from', 'to'],
      registers,
    });
  }

  bind(progress: DetectorProgress): void {
    this.progress = progress;
  }
}
