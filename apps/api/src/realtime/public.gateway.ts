import { Logger } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import {
  PUBLIC_NAMESPACE,
  type PublicClientToServerEvents,
  type PublicEvent,
  type PublicServerToClientEvents,
} from '@kuzet/contracts';
import type { Namespace, Socket } from 'socket.io';
import { RealtimeClock } from './realtime-clock';
import { RealtimeMetrics } from './realtime-metrics';
import { RealtimeSnapshotService } from './realtime-snapshot.service';
import { RealtimeStreams } from './realtime-streams.service';
import { answerSync } from './sync-responder';

/** Every /public socket sees every /public event: one pseudo-room for the replay buffer. */
export const PUBLIC_ROOMS: readonly string[] = [PUBLIC_NAMESPACE];

interface PublicSocketData {
  syncing?: boolean;
}
type PublicNamespace = Namespace<
  PublicClientToServerEvents,
  PublicServerToClientEvents,
  object,
  PublicSocketData
>;
type PublicSocket = Socket<PublicClientToServerEvents, PublicServerToClientEvents, object, PublicSocketData>;

/** /public: anyone, public systems and public fields only. */
@WebSocketGateway({ namespace: PUBLIC_NAMESPACE })
export class PublicGateway implements OnGatewayInit<PublicNamespace>, OnGatewayConnection<PublicSocket> {
  private readonly logger = new Logger(PublicGateway.name);
  private ns: PublicNamespace | undefined;

  constructor(
    private readonly streams: RealtimeStreams,
    private readonly snapshots: RealtimeSnapshotService,
    private readonly metrics: RealtimeMetrics,
    private readonly clock: RealtimeClock,
  ) {}

  afterInit(ns: PublicNamespace): void {
    this.ns = ns;
    this.metrics.track(PUBLIC_NAMESPACE, ns);
  }

  handleConnection(socket: PublicSocket): void {
    socket.on('sync', (request, ack) => void this.sync(socket, request, ack));
  }

  broadcast(event: PublicEvent): void {
    // This node's sockets only: every node sequences and sends relayed events itself.
    this.ns?.local.emit(event.type, event as never);
  }

  private async sync(socket: PublicSocket, request: unknown, ack: unknown): Promise<void> {
    if (typeof ack !== 'function' || socket.data.syncing) return;
    socket.data.syncing = true;
    try {
      const response = await answerSync(
        this.streams.public,
        request,
        PUBLIC_ROOMS,
        () => this.clock.now(),
        () => this.snapshots.public(),
      );
      this.metrics.syncs.inc({ namespace: PUBLIC_NAMESPACE, mode: response.mode });
      (ack as (r: typeof response) => void)(response);
    } catch (error) {
      this.logger.error({ msg: 'public sync failed', err: String(error) });
      socket.disconnect(true);
    } finally {
      socket.data.syncing = false;
    }
  }
}
