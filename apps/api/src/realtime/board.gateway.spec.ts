import { BOARD_NAMESPACE, type BoardEvent } from '@kuzet/contracts';
import { Server } from 'socket.io';
import { BoardGateway } from './board.gateway';
import type { RealtimeMetrics } from './realtime-metrics';

/** A real socket.io namespace (in-memory adapter, no HTTP server); rooms are joined through the adapter. */
function gatewayOnRealNamespace() {
  const io = new Server();
  const ns = io.of(BOARD_NAMESPACE);
  const metrics = { track: jest.fn() } as unknown as RealtimeMetrics;
  const gateway = new BoardGateway({} as never, {} as never, metrics, {} as never, {} as never);
  gateway.afterInit(ns as never);
  const broadcast = jest.spyOn(ns.adapter, 'broadcast');
  return { ns, gateway, broadcast };
}

const event = { type: 'results.summary', epoch: 'e', seq: 1, at: '2026-12-04T00:00:00.000Z', data: { from: '', to: '', systems: [] } } as unknown as BoardEvent;

describe('BoardGateway.broadcast', () => {
  it('does not hand a packet to the adapter (which would encode it) when no socket here is in its rooms', () => {
    const { broadcast, gateway } = gatewayOnRealNamespace();
    gateway.broadcast(event, ['national', 'agency:mju']);
    expect(broadcast).not.toHaveBeenCalled();
  });

  it('emits to the rooms when one of them holds a socket of this node', () => {
    const { ns, broadcast, gateway } = gatewayOnRealNamespace();
    void ns.adapter.addAll('socket-1', new Set(['agency:mju']));
    gateway.broadcast(event, ['national', 'agency:mju']);
    expect(broadcast).toHaveBeenCalledTimes(1);
    const [packet, options] = broadcast.mock.calls[0];
    expect(packet.data).toEqual(['results.summary', event]);
    expect([...options.rooms]).toEqual(['national', 'agency:mju']);

    // The room empties when its last socket leaves: nothing is encoded for it any more.
    void ns.adapter.delAll('socket-1');
    gateway.broadcast(event, ['national', 'agency:mju']);
    expect(broadcast).toHaveBeenCalledTimes(1);
  });
});
