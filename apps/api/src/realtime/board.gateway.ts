import { Logger, OnModuleDestroy, Optional } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import {
  BOARD_NAMESPACE,
  type BoardClientToServerEvents,
  type BoardEvent,
  type BoardServerToClientEvents,
  type SessionUser,
} from '@kuzet/contracts';
import type { Subscription } from 'rxjs';
import type { Namespace, Socket } from 'socket.io';
import { SessionAuthenticator } from '../auth/session-authenticator';
import { AppConfig } from '../config/app-config';
import { SessionsEndedEvents } from '../users/sessions-ended.events';
import { boardRoomsFor, isSameOrigin } from './board-access';
import { RealtimeClock } from './realtime-clock';
import { Delivery, isDeliveryList, RELAY_EVENT } from './realtime-delivery';
import { RealtimeHandshakeError } from './realtime.errors';
import { RealtimeMetrics } from './realtime-metrics';
import { RealtimeSnapshotService } from './realtime-snapshot.service';
import { RealtimeStreams } from './realtime-streams.service';
import { answerSync } from './sync-responder';

interface BoardSocketData {
  user: SessionUser;
  rooms: string[];
  syncing?: boolean;
}
type BoardNamespace = Namespace<
  BoardClientToServerEvents,
  BoardServerToClientEvents,
  object,
  BoardSocketData
>;
type BoardSocket = Socket<BoardClientToServerEvents, BoardServerToClientEvents, object, BoardSocketData>;

/**
 * /board: signed-in users only (session cookie checked in the namespace middleware, so a refused
 * client never connects), each put in its role's room at connect.
 */
@WebSocketGateway({ namespace: BOARD_NAMESPACE })
export class BoardGateway
  implements OnGatewayInit<BoardNamespace>, OnGatewayConnection<BoardSocket>, OnModuleDestroy
{
  private readonly logger = new Logger(BoardGateway.name);
  private ns: BoardNamespace | undefined;
  private relayed: ((deliveries: Delivery[]) => void) | undefined;
  private sessionsEndedSubscription: Subscription | undefined;

  constructor(
    private readonly streams: RealtimeStreams,
    private readonly snapshots: RealtimeSnapshotService,
    private readonly metrics: RealtimeMetrics,
    private readonly clock: RealtimeClock,
    @Optional() private readonly sessions?: SessionAuthenticator,
    @Optional() private readonly config?: AppConfig,
    @Optional() private readonly sessionsEnded?: SessionsEndedEvents,
  ) {}

  afterInit(ns: BoardNamespace): void {
    this.ns = ns;
    this.sessionsEndedSubscription = this.sessionsEnded?.ended$.subscribe(
      ({ userId }) => void this.recheckUser(userId),
    );
    this.metrics.track(BOARD_NAMESPACE, ns);
    if (!this.sessions)
      this.logger.warn('no SessionAuthenticator provided: every /board handshake is refused');
    // Other API nodes' events (Redis adapter): a server-side event, never from a client socket.
    (ns as unknown as Namespace).on(RELAY_EVENT, (deliveries: unknown) => {
      if (isDeliveryList(deliveries)) this.relayed?.(deliveries);
      else this.logger.warn('malformed relayed deliveries ignored');
    });
    ns.use((socket, next) => {
      this.admit(socket).then(
        () => next(),
        (error: unknown) => {
          if (!(error instanceof RealtimeHandshakeError))
            this.logger.error({ msg: 'board handshake failed', err: String(error) });
          next(error instanceof RealtimeHandshakeError ? error : new RealtimeHandshakeError('unauthorized'));
        },
      );
    });
  }

  handleConnection(socket: BoardSocket): void {
    // Rooms first, then the sync handler: no event can fall between the replay/snapshot and live.
    void socket.join(socket.data.rooms);
    socket.on('sync', (request, ack) => void this.sync(socket, request, ack));
  }

  /**
   * Sends an event to its rooms on this node, once per socket even when a socket is in several
   * of them. Other nodes get the unsequenced delivery through relay() and sequence it themselves.
   */
  broadcast(event: BoardEvent, rooms: readonly string[]): void {
    const ns = this.ns;
    // socket.io encodes a packet before it looks for its sockets: a summary of every system is
    // not serialised for rooms nobody on this node is in (decision 0010).
    if (!ns || !rooms.some((room) => ns.adapter.rooms.has(room))) return;
    ns.local.to(rooms as string[]).emit(event.type, event as never);
  }

  /** Hands deliveries to the other API nodes (only with the Redis adapter: alone, nobody to tell). */
  relay(deliveries: Delivery[]): void {
    if (this.ns && this.config?.realtime.redisUrl)
      (this.ns as unknown as Namespace).serverSideEmit(RELAY_EVENT, deliveries);
  }

  /** Where deliveries relayed by other nodes go (the publisher). */
  onRelayed(handler: (deliveries: Delivery[]) => void): void {
    this.relayed = handler;
  }

  onModuleDestroy(): void {
    this.sessionsEndedSubscription?.unsubscribe();
  }

  /**
   * A user's sessions ended (sign-out, disabled, role or password change): each of that user's
   * sockets on this node re-checks its own cookie and is dropped unless it still grants the same.
   */
  private async recheckUser(userId: number): Promise<void> {
    if (!this.ns) return;
    const sockets = [...this.ns.sockets.values()].filter((s) => s.data.user?.id === userId);
    for (const socket of sockets) {
      try {
        if (!this.stillGranted(socket, await this.authenticate(socket.handshake.headers.cookie)))
          socket.disconnect(true);
      } catch (error) {
        this.logger.error({ msg: 'board session re-check failed', err: String(error) });
        socket.disconnect(true);
      }
    }
  }

  private stillGranted(socket: BoardSocket, user: SessionUser | null): user is SessionUser {
    const had = socket.data.user;
    return !!user && user.id === had.id && user.role === had.role && user.agency === had.agency;
  }

  private async admit(socket: BoardSocket): Promise<void> {
    const headers = socket.handshake.headers;
    if (!isSameOrigin(headers)) throw new RealtimeHandshakeError('forbidden origin');
    const user = await this.authenticate(headers.cookie);
    const rooms = user && boardRoomsFor(user);
    if (!user || !rooms) throw new RealtimeHandshakeError('unauthorized');
    socket.data.user = user;
    socket.data.rooms = rooms;
  }

  private async authenticate(cookie: string | undefined): Promise<SessionUser | null> {
    if (!this.sessions || !cookie) return null;
    return this.sessions.authenticate(cookie);
  }

  private async sync(socket: BoardSocket, request: unknown, ack: unknown): Promise<void> {
    if (typeof ack !== 'function' || socket.data.syncing) return;
    socket.data.syncing = true;
    try {
      // A session signed out or expired since the handshake ends the connection here.
      const user = await this.authenticate(socket.handshake.headers.cookie);
      if (!this.stillGranted(socket, user)) {
        socket.disconnect(true);
        return;
      }
      const agency = user.role === 'agency_operator' ? user.agency : null;
      const response = await answerSync(
        this.streams.board,
        request,
        socket.data.rooms,
        () => this.clock.now(),
        () => this.snapshots.board(agency),
      );
      this.metrics.syncs.inc({ namespace: BOARD_NAMESPACE, mode: response.mode });
      (ack as (r: typeof response) => void)(response);
    } catch (error) {
      this.logger.error({ msg: 'board sync failed', err: String(error) });
      socket.disconnect(true);
    } finally {
      socket.data.syncing = false;
    }
  }
}
