import { Injectable, Optional } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { MetricsRegistry } from '../metrics/metrics-registry.service';

/** Sent and failed notifications, the unsent backlog and delivery latency, by channel. */
@Injectable()
export class NotificationsMetrics {
  readonly sent: Counter<'channel'>;
  readonly failed: Counter<'channel'>;
  readonly latency: Histogram<'channel'>;
  readonly backlog: Gauge<'channel'>;

  constructor(@Optional() metrics?: MetricsRegistry) {
    const registers = [metrics?.registry ?? new Registry()];
    this.sent = new Counter({
      name: 'kuzet_notifications_sent_total',
      help: 'Notifications a channel accepted',
      labelNames: ['channel'],
      registers,
    });
    this.failed = new Counter({
      name: 'kuzet_notifications_failed_total',
      help: 'Failed delivery attempts (each retry counts)',
      labelNames: ['channel'],
      registers,
    });
    this.latency = new Histogram({
      name: 'kuzet_notifications_delivery_seconds',
      help: 'From the notification being due to its delivery',
      labelNames: ['channel'],
      buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 1800, 3600],
      registers,
    });
    this.backlog = new Gauge({
      name: 'kuzet_notifications_backlog',
      help: 'Notifications not yet delivered (pending, failed and being sent), as of the last notifier round',
      labelNames: ['channel'],
      registers,
    });
  }

  setBacklog(rows: readonly { channel: string; count: number }[]): void {
    this.backlog.reset();
    for (const r of rows) this.backlog.set({ channel: r.channel }, r.count);
  }
}
