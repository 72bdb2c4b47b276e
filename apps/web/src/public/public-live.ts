import { io, type Socket } from 'socket.io-client';
import { PUBLIC_NAMESPACE, type PublicClientToServerEvents, type PublicEventData, type PublicServerToClientEvents } from '@kuzet/contracts/realtime/realtime-events';

const EVENT_TYPES: (keyof PublicEventData)[] = ['incident.opened', 'incident.updated', 'incident.resolved', 'system.status'];
/** While the socket is down the page polls instead. */
export const POLL_INTERVAL_MS = 30_000;
/** A storm of events is one refetch: the summary is computed once per change on the server anyway. */
const DEBOUNCE_MS = 300;

/**
 * Follows the /public socket namespace: any public event (or a reconnect, which may have missed
 * some) asks the page to refetch; while disconnected it polls every 30 s. Returns a stop function.
 */
export function followPublicChanges(onChange: () => void, url = ''): () => void {
  const socket: Socket<PublicServerToClientEvents, PublicClientToServerEvents> = io(`${url}${PUBLIC_NAMESPACE}`, {
    path: '/socket.io',
    transports: ['websocket'],
  });
  let debounce: ReturnType<typeof setTimeout> | undefined;
  const changed = () => {
    clearTimeout(debounce);
    debounce = setTimeout(onChange, DEBOUNCE_MS);
  };
  let connectedOnce = false;
  socket.on('connect', () => {
    if (connectedOnce) changed();
    connectedOnce = true;
  });
  for (const type of EVENT_TYPES) socket.on(type, changed);
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
