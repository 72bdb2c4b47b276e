import type { QuietHours } from '@kuzet/contracts';

const almatyClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Almaty',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * When the quiet hours around `now` end (ms), or null when `now` is outside them. Hours are
 * Asia/Almaty wall-clock times; a window may span midnight (22:00-08:00); from == to means none.
 */
export function quietHoursEnd(quiet: QuietHours, now: number): number | null {
  const parts = Object.fromEntries(almatyClock.formatToParts(new Date(now)).map((p) => [p.type, p.value]));
  const nowSec = Number(parts.hour) * 3600 + Number(parts.minute) * 60 + Number(parts.second);
  const from = minutesOf(quiet.from) * 60;
  const to = minutesOf(quiet.to) * 60;
  if (from === to) return null;
  const inside = from < to ? nowSec >= from && nowSec < to : nowSec >= from || nowSec < to;
  if (!inside) return null;
  const untilEnd = (to - nowSec + 86_400) % 86_400;
  return now - (now % 1000) + untilEnd * 1000;
}
