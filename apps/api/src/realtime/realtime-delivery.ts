import type { BoardEventData, PublicEventData } from '@kuzet/contracts';

/** Name of the node-to-node message (socket.io serverSideEmit through the Redis adapter). */
export const RELAY_EVENT = 'kuzet:realtime-deliveries';

/**
 * An event before it is sequenced: every API node sequences it in its own stream (its epoch, its
 * buffer), so a client always sees one contiguous stream from the node it is connected to.
 */
export type Delivery =
  | {
      [K in keyof BoardEventData]: {
        ns: 'board';
        type: K;
        at: string;
        data: BoardEventData[K];
        rooms: string[];
        /** False for volatile events (superseded by the next of their kind): not kept for replay. */
        keep: boolean;
      };
    }[keyof BoardEventData]
  | {
      [K in keyof PublicEventData]: { ns: 'public'; type: K; at: string; data: PublicEventData[K] };
    }[keyof PublicEventData];

/** What a relayed message must look like (it comes from Redis: checked, never trusted blindly). */
export function isDeliveryList(value: unknown): value is Delivery[] {
  return (
    Array.isArray(value) &&
    value.every(
      (d) =>
        typeof d === 'object' &&
        d !== null &&
        (d.ns === 'public' || (d.ns === 'board' && Array.isArray(d.rooms) && typeof d.keep === 'boolean')) &&
        typeof d.type === 'string' &&
        typeof d.at === 'string' &&
        typeof d.data === 'object',
    )
  );
}
