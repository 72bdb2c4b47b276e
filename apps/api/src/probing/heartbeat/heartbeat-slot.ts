import { CheckOutcome } from '@kuzet/contracts';

export interface HeartbeatVerdictInput {
  /** The slot being judged (epoch ms, on the check's phase grid). */
  slot: number;
  intervalMs: number;
  graceMs: number;
  /** The latest beat at or before the slot, epoch ms; undefined when none. */
  lastBeat: number | undefined;
}

/** Up when a beat arrived within (interval + grace) before the slot, else down (a timeout). */
export function heartbeatVerdict(input: HeartbeatVerdictInput): { outcome: CheckOutcome; errorClass: 'timeout' | null } {
  const fresh = input.lastBeat !== undefined && input.slot - input.lastBeat <= input.intervalMs + input.graceMs;
  return fresh ? { outcome: CheckOutcome.Up, errorClass: null } : { outcome: CheckOutcome.Down, errorClass: 'timeout' };
}
