import { heartbeatVerdict } from './heartbeat-slot';

describe('heartbeatVerdict', () => {
  const base = { slot: 100_000, intervalMs: 10_000, graceMs: 5_000 };
  it('is up with a beat within interval + grace before the slot', () => {
    expect(heartbeatVerdict({ ...base, lastBeat: 99_000 }).outcome).toBe(0);
    expect(heartbeatVerdict({ ...base, lastBeat: 85_000 }).outcome).toBe(0);
  });
  it('is down (timeout) with an older beat or none', () => {
    expect(heartbeatVerdict({ ...base, lastBeat: 84_999 })).toEqual({ outcome: 2, errorClass: 'timeout' });
    expect(heartbeatVerdict({ ...base, lastBeat: undefined })).toEqual({ outcome: 2, errorClass: 'timeout' });
  });
});
