import { Injectable } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { MetricsRegistry } from '../metrics/metrics-registry.service';
import type { LeadershipState } from './leader-election';

/** kuzet_leader (1 on the node that leads) and kuzet_leader_term, read at scrape time. */
@Injectable()
export class LeadershipMetrics {
  private read: () => LeadershipState = () => ({ isLeader: false, term: null, leaderPresent: false });

  constructor(metrics: MetricsRegistry) {
    const read = () => this.read();
    new Gauge({
      name: 'kuzet_leader',
      help: 'Whether this API node is the elected leader (runs detector, sweeps, notifier): 1 or 0',
      registers: [metrics.registry],
      collect() {
        this.set(read().isLeader ? 1 : 0);
      },
    });
    new Gauge({
      name: 'kuzet_leader_term',
      help: 'The fencing term this node leads under (0 while following)',
      registers: [metrics.registry],
      collect() {
        this.set(read().term ?? 0);
      },
    });
  }

  bind(read: () => LeadershipState): void {
    this.read = read;
  }
}
