import { io, Socket } from 'socket.io-client';
import type {
  BoardClientToServerEvents,
  BoardEvent,
  BoardEventData,
  BoardServerToClientEvents,
} from '@kuzet/contracts/realtime/realtime-events';
import type { BoardStore } from '../board/store/board-store';
import { BoardStreamSync } from './board-stream-sync';

type BoardSocket = Socket<BoardServerToClientEvents, BoardClientToServerEvents>;

const EVENT_TYPES: (keyof BoardEventData)[] = [
  'incident.opened',
  'incident.updated',
  'incident.resolved',
  'system.status',
  'results.summary',
  'score.updated',
];
const SYNC_TIMEOUT_MS = 15_000;

export interface BoardStreamOptions {
  /** The server refused the session (expired, signed out elsewhere). */
  onUnauthorized: () => void;
  url?: string;
}

/**
 * The /board socket: connects with the session cookie, syncs on every (re)connect, feeds live
 * events through BoardStreamSync into the store and keeps the connection indicator current.
 */
export class BoardStream {
  private readonly socket: BoardSocket;
  private readonly sync: BoardStreamSync;
  private readonly onOnline = () => this.store.setConnection(this.socket.connected ? 'connected' : 'reconnecting');
  private readonly onOffline = () => this.store.setConnection('offline');

  constructor(
    private readonly store: BoardStore,
    private readonly options: BoardStreamOptions,
  ) {
    this.sync = new BoardStreamSync(store);
    this.socket = io(`${options.url ?? ''}/board`, {
      path: '/socket.io',
      transports: ['websocket'],
      withCredentials: true,
      autoConnect: false,
    });
    this.socket.on('connect', () => this.startSync(false));
    this.socket.on('disconnect', (reason) => {
      this.sync.abortSync();
      // A server-side disconnect does not reconnect by itself.
      if (reason === 'io server disconnect') this.socket.connect();
      this.store.setConnection(navigator.onLine === false ? 'offline' : 'reconnecting');
    });
    this.socket.on('connect_error', (err) => {
      if (err.message === 'unauthorized' || err.message === 'forbidden') {
        this.close();
        options.onUnauthorized();
        return;
      }
      this.store.setConnection(navigator.onLine === false ? 'offline' : 'reconnecting');
    });
    this.socket.io.on('reconnect_failed', () => this.store.setConnection('offline'));
    for (const type of EVENT_TYPES)
      this.socket.on(type, ((event: BoardEvent) => this.onLive(event)) as never);
  }

  open(): void {
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    this.store.setConnection('connecting');
    this.socket.connect();
  }

  close(): void {
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    this.socket.removeAllListeners();
    this.socket.io.removeAllListeners();
    this.socket.disconnect();
  }

  private onLive(event: BoardEvent): void {
    if (this.sync.onLive(event) === 'resync') this.startSync(true);
  }

  private startSync(fresh: boolean): void {
    if (this.sync.position.syncing && !fresh) return;
    const request = this.sync.beginSync(fresh);
    this.socket.timeout(SYNC_TIMEOUT_MS).emit('sync', request, (err, response) => {
      if (err || !response) {
        this.sync.abortSync();
        // No answer: drop the link so the reconnect path syncs again from where we were.
        if (this.socket.connected) {
          this.socket.disconnect();
          this.socket.connect();
        }
        return;
      }
      if (this.sync.onSyncResponse(response).resync) return this.startSync(true);
      this.store.setConnection('connected');
    });
  }
}
