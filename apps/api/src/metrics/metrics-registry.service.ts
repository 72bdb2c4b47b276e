import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * Who reads /metrics: 'all' (the bearer token of KUZET_METRICS_TOKEN) or 'public' (anyone, when no
 * token is configured). The public scrape leaves out every series that names a non-public system.
 */
export type MetricsScope = 'all' | 'public';

/**
 * The process's Prometheus registries. `registry` holds every metric: default Node metrics plus
 * whatever features register. A metric whose series may name non-public systems also registers a
 * twin of the same name in `publicRegistry`, holding only the public series; the public scrape
 * takes the twin in place of the full metric.
 */
@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();
  readonly publicRegistry = new Registry();

  constructor() {
    this.registry.setDefaultLabels({ app: 'kuzet' });
    this.publicRegistry.setDefaultLabels({ app: 'kuzet' });
    collectDefaultMetrics({ register: this.registry, prefix: 'kuzet_' });
  }

  async render(scope: MetricsScope): Promise<{ contentType: string; body: string }> {
    const contentType = this.registry.contentType;
    if (scope === 'all') return { contentType, body: await this.registry.metrics() };
    const parts: string[] = [];
    for (const metric of this.registry.getMetricsAsArray()) {
      const source = this.publicRegistry.getSingleMetric(metric.name) ? this.publicRegistry : this.registry;
      parts.push(await source.getSingleMetricAsString(metric.name));
    }
    // The exposition format of Registry.metrics(): blocks separated by a blank line.
    return { contentType, body: `${parts.join('\n\n')}\n` };
  }
}
