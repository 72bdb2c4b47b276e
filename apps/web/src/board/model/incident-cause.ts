import type { IncidentCause, IncidentCauseCheck } from '@kuzet/contracts/incidents/incident-cause';
import { type Lang, t, tk } from '../../i18n';
import { regionName } from './region-name';

/**
 * The first error in words of the board's language, from its class and HTTP status (the API's
 * English `error` text is not shown); without a class, the outcome ("Down", "Degraded").
 */
export function errorInWords(check: Pick<IncidentCauseCheck, 'errorClass' | 'httpStatus' | 'outcome'>, lang: Lang): string {
  if (check.errorClass === 'status') return check.httpStatus ? t(lang, 'err.status', { status: check.httpStatus }) : t(lang, 'err.statusOnly');
  if (check.errorClass) return tk(lang, `err.${check.errorClass}`);
  return tk(lang, `out.${check.outcome}`);
}

/** One failing check in words: "HTTP check: HTTP 503 response (Almaty, Astana)"; the check's code stays in `code`. */
export function causeLine(check: IncidentCauseCheck, lang: Lang): { code: string; text: string } {
  const text = t(lang, 'causeLine', { check: tk(lang, `checkKind.${check.checkType}`), error: errorInWords(check, lang) });
  const regions = check.regions.map((r) => regionName(lang, r)).join(', ');
  return { code: check.checkCode, text: regions ? t(lang, 'causeRegions', { text, regions }) : text };
}

/** What broke, where, in words: the first `max` failing checks, "; N more" after them. */
export function causeSummary(cause: IncidentCause | null | undefined, lang: Lang, max = 3): string | null {
  if (!cause || cause.checks.length === 0) return null;
  const parts = cause.checks.slice(0, max).map((c) => causeLine(c, lang).text);
  const more = cause.checks.length - max;
  return more > 0 ? `${parts.join('; ')}; ${t(lang, 'moreCount', { count: more })}` : parts.join('; ');
}
