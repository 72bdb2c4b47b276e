import { z } from 'zod';
import { expected } from './schema-messages';

// Durations are written as '500ms', '30s', '5m', '1h', '1d' (or compounds such as '1h30m');
// a bare number means seconds. Internally everything is seconds (possibly fractional).
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;
const WHOLE = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/;

/** Seconds for a duration, or undefined when the text is not a duration. Never throws. */
export function tryParseDuration(input: unknown): number | undefined {
  if (typeof input === 'number') return Number.isFinite(input) && input >= 0 ? input : undefined;
  if (typeof input !== 'string') return undefined;
  const text = input.trim();
  if (/^\d+(?:\.\d+)?$/.test(text)) return finite(Number(text));
  if (!WHOLE.test(text)) return undefined;
  let ms = 0;
  for (const m of text.matchAll(PART)) ms += Number(m[1]) * UNIT_MS[m[2]];
  // Rounded to whole milliseconds so '100ms' is exactly 0.1 and sums do not drift.
  return finite(Math.round(ms) / 1000);
}

// A run of 400 digits is a number too: Infinity is not a duration.
function finite(seconds: number): number | undefined {
  return Number.isFinite(seconds) ? seconds : undefined;
}

export class InvalidDurationError extends Error {
  constructor(readonly input: unknown) {
    super(
      `not a duration: ${JSON.stringify(input)} (expected e.g. 500ms, 30s, 5m, 1h or a number of seconds)`,
    );
    this.name = 'InvalidDurationError';
  }
}

/** Seconds for a duration; throws InvalidDurationError. */
export function parseDuration(input: string | number): number {
  const s = tryParseDuration(input);
  if (s === undefined) throw new InvalidDurationError(input);
  return s;
}

/** The shortest exact spelling of a number of seconds: 0.5 -> '500ms', 90 -> '90s', 300 -> '5m'. */
export function formatDuration(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  if (ms % 3_600_000 === 0 && ms > 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0 && ms > 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}

/** A positive duration, parsed to seconds. */
export const durationSchema = z
  .union([z.number(), z.string()], {
    error: expected('expected a duration such as 500ms, 30s, 5m, 1h or a number of seconds'),
  })
  .transform((v, ctx) => {
    const s = tryParseDuration(v);
    if (s === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'expected a duration such as 500ms, 30s, 5m, 1h or a number of seconds',
      });
      return z.NEVER;
    }
    if (s <= 0) {
      ctx.addIssue({ code: 'custom', message: 'must be greater than 0' });
      return z.NEVER;
    }
    return s;
  });

/**
 * A positive duration of at most `maxS` seconds (`maxText` is how the limit is written in the
 * message). Bounds keep timers and slot arithmetic finite: `1e308` or `99999999d` is refused here,
 * naming the field, instead of stopping an agent later.
 */
export function durationAtMostSchema(maxS: number, maxText: string) {
  return z
    .union([z.number(), z.string()], {
      error: expected('expected a duration such as 500ms, 30s, 5m, 1h or a number of seconds'),
    })
    .transform((v, ctx) => {
      const s = durationSchema.safeParse(v);
      if (!s.success) {
        for (const issue of s.error.issues) ctx.addIssue({ code: 'custom', message: issue.message });
        return z.NEVER;
      }
      if (s.data > maxS) {
        ctx.addIssue({ code: 'custom', message: `must be at most ${maxText}, got ${String(v).trim()}` });
        return z.NEVER;
      }
      return s.data;
    });
}
