import { isDeliveryList } from './realtime-delivery';

describe('isDeliveryList (messages relayed by other API nodes)', () => {
  it('accepts board and public deliveries, refuses anything else', () => {
    const at = '2026-01-01T00:00:00.000Z';
    const board = { ns: 'board', type: 'incident.opened', at, data: {}, rooms: ['national'], keep: true };
    const pub = { ns: 'public', type: 'incident.opened', at, data: {} };
    expect(isDeliveryList([board, pub])).toBe(true);
    expect(isDeliveryList([])).toBe(true);
    expect(isDeliveryList(board)).toBe(false);
    expect(isDeliveryList([{ ...board, rooms: 'national' }])).toBe(false);
    expect(isDeliveryList([{ ...board, keep: undefined }])).toBe(false);
    expect(isDeliveryList([{ ...pub, ns: 'admin' }])).toBe(false);
    expect(isDeliveryList([{ ...pub, at: 1 }])).toBe(false);
    expect(isDeliveryList([null])).toBe(false);
  });
});
