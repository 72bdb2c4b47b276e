import { io, type Socket } from 'socket.io-client';
import {
  PUBLIC_NAMESPACE,
  type PublicClientToServerEvents,
  type PublicEventData,
  type PublicServerToClientEvents,
  type SystemStatusView,
} from '@kuzet/contracts/realtime/realtime-events';

const EVENT_TYPES: (keyof PublicEventData)[] = ['incident.opened', 'incident.updated', 'incident.resolved', 'system.status'];
/** While the socket is down the page polls instead. */
export const POLL_INTERVAL_MS = 30_000;
/** A storm of events is one refetch: the summary is computed once per change on the server anyway. */
const DEBOUNCE_MS = 300;

export interface PublicChangeHandlers {
  /**
   * Something public changed: read the page's data again. `at`: the server time of the latest
   * event (the data read must be at least that new); none after a reconnect or a poll.
   */
  onChange: (at?: string) => void;
  /** A system's status, as the event carries it: drawn at once, before any refetch. */
  onStatus?: (status: Omit<SystemStatusView, 'flapping'>) => void;
}

/**
 * Follows the /public socket namespace: any public event (or a reconnect, which may have missed
 * some) asks the page to refetch; while disconnected it polls every 30 s. Returns a stop function.
 */
export function followPublicChanges({ onChange, onStatus }: PublicChangeHandlers, url = ''): () => void {
  const socket: Socket<PublicServerToClientEvents, PublicClientToServerEvents> = io(`${url}${PUBLIC_NAMESPACE}`, {
    path: '/socket.io',
    transports: ['websocket'],
  });
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let latestAt: string | undefined;
  const changed = (at?: string) => {
    if (at !== undefined && (latestAt === undefined || at > latestAt)) latestAt = at;
    clearTimeout(debounce);
    debounce = setTimeout(() => {
      const wanted = latestAt;
      latestAt = undefined;
      onChange(wanted);
    }, DEBOUNCE_MS);
  };
  let connectedOnce = false;
  socket.on('connect', () => {
    if (connectedOnce) changed();
    connectedOnce = true;
  });
  for (const type of EVENT_TYPES) socket.on(type, (event: { at: string }) => changed(event.at));
  socket.on('system.status', (event) => onStatus?.(event.data));
  const poll = setInterval(() => {
    if (!socket.connected) onChange();
  }, POLL_INTERVAL_MS);
  return () => {
    clearTimeout(debounce);
    clearInterval(poll);
    socket.removeAllListeners();
    socket.disconnect();
  };
}
