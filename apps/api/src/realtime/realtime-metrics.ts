import { Injectable, Optional } from '@nestjs/common';
import { Counter, Gauge, Registry } from 'prom-client';
import { MetricsRegistry } from '../metrics/metrics-registry.service';

/** Something that can count its connected sockets (a socket.io Namespace). */
interface Counted {
  sockets: { size: number };
}

/** Connected clients per namespace, events emitted, and how syncs were answered. */
@Injectable()
export class RealtimeMetrics {
  private readonly namespaces = new Map<string, Counted>();
  readonly events: Counter<'namespace' | 'type'>;
  readonly syncs: Counter<'namespace' | 'mode'>;

  constructor(@Optional() metrics?: MetricsRegistry) {
    const registers = [metrics?.registry ?? new Registry()];
    const namespaces = this.namespaces;
    new Gauge({
      name: 'kuzet_realtime_clients',
      help: 'Sockets connected to this node, per socket.io namespace',
      labelNames: ['namespace'],
      registers,
      collect() {
        for (const [namespace, ns] of namespaces) this.set({ namespace }, ns.sockets.size);
      },
    });
    this.events = new Counter({
      name: 'kuzet_realtime_events_total',
      help: 'Real-time events emitted, per namespace and type',
      labelNames: ['namespace', 'type'],
      registers,
    });
    this.syncs = new Counter({
      name: 'kuzet_realtime_syncs_total',
      help: 'Client syncs answered, per namespace and mode (replay or snapshot)',
      labelNames: ['namespace', 'mode'],
      registers,
    });
  }

  track(namespace: string, ns: Counted): void {
    this.namespaces.set(namespace, ns);
  }
}
