import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';

/** The process's one Prometheus registry: default Node metrics plus whatever features register. */
@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();

  constructor() {
    this.registry.setDefaultLabels({ app: 'kuzet' });
    collectDefaultMetrics({ register: this.registry, prefix: 'kuzet_' });
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
