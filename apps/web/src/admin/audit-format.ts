/** Changes as one compact line of JSON; long ones are cut (the full text stays in the title). */
export function compactJson(value: unknown, max = 300): string {
  const text = JSON.stringify(value ?? {}) ?? '';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The situation centre's clock: the board and this page show times there (board/components/format.ts). */
export const DISPLAY_ZONE = 'Asia/Almaty';

/** The zone's UTC offset at an instant, as "+05:00" (Intl knows the history; Almaty keeps no DST). */
function zoneOffset(at: Date, timeZone: string): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-]\d{2}:\d{2})/.exec(name);
  return m ? m[1] : '+00:00';
}

/**
 * A datetime-local input's value read on the display clock (so a filter matches what the table
 * shows) as an ISO instant for the API; '' or a bad value means none.
 */
export function zonedInputToIso(value: string, timeZone = DISPLAY_ZONE): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/.exec(value);
  if (!m) return undefined;
  const wall = `${m[1]}T${m[2]}${m[3] ?? ':00'}`;
  const guess = new Date(`${wall}Z`);
  if (Number.isNaN(guess.getTime())) return undefined;
  const d = new Date(`${wall}${zoneOffset(guess, timeZone)}`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
