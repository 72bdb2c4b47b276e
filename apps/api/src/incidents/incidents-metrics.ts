import { Injectable, Optional } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { dataSourceExecutor } from '../database/sql-executor';
import { MetricsRegistry } from '../metrics/metrics-registry.service';
import { IncidentsRepository } from './incidents.repository';

/**
 * kuzet_incidents_open{agency, severity}, read from the database when Prometheus scrapes (any
 * node answers the same). The public twin counts incidents of public systems only.
 */
@Injectable()
export class IncidentsMetrics {
  constructor(dataSource: DataSource, @Optional() metrics?: MetricsRegistry) {
    if (!metrics) return;
    const repo = new IncidentsRepository(dataSourceExecutor(dataSource));
    const gauge = (registry: Registry, publicOnly: boolean) =>
      new Gauge({
        name: 'kuzet_incidents_open',
        help: 'Unresolved incidents (open or acknowledged) by agency and severity',
        labelNames: ['agency', 'severity'],
        registers: [registry],
        async collect() {
          // Without the database the series are left out; the rest of the scrape still answers.
          const rows = await repo.openCounts(publicOnly).catch(() => []);
          this.reset();
          for (const r of rows) this.set({ agency: r.agency, severity: r.severity }, r.count);
        },
      });
    gauge(metrics.registry, false);
    gauge(metrics.publicRegistry, true);
  }
}
