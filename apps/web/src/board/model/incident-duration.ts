import type { BoardIncident } from '@kuzet/contracts/realtime/realtime-events';
import { type Lang, t } from '../../i18n';

const MINUTE = 60_000;

/** "4 min", "2 h 05 min", "3 d 4 h" in the board's language; under a minute counts as 0 min. */
export function formatDuration(ms: number, lang: Lang): string {
  const minutes = Math.max(0, Math.floor(ms / MINUTE));
  if (minutes < 60) return t(lang, 'dur.min', { m: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t(lang, 'dur.hm', { h: hours, m: String(minutes % 60).padStart(2, '0') });
  return t(lang, 'dur.dh', { d: Math.floor(hours / 24), h: hours % 24 });
}

type Timing = Pick<BoardIncident, 'opened_at' | 'first_failure_at' | 'recovered_at' | 'resolved_at' | 'phase'>;

/**
 * How long the failure has lasted: from the first failing result (else the opening) to the
 * recovery (recovering, resolved) or to `now` while it still fails; `live` says it still runs.
 */
export function failureDuration(incident: Timing, now: number): { ms: number; live: boolean } {
  const start = Date.parse(incident.first_failure_at ?? incident.opened_at);
  const endIso = incident.phase === 'failing' ? null : (incident.recovered_at ?? incident.resolved_at);
  const end = endIso ? Date.parse(endIso) : now;
  return { ms: Math.max(0, end - start), live: endIso === null };
}

/** "lasting 12 min" while failing, "lasted 12 min" once recovered. */
export function durationLabel(incident: Timing, now: number, lang: Lang): string {
  const d = failureDuration(incident, now);
  return t(lang, d.live ? 'lasting' : 'lasted', { duration: formatDuration(d.ms, lang) });
}
