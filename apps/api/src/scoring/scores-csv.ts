import type { AgencyScoreRow } from '@kuzet/contracts';

export const AGENCY_CSV_HEADER = ['rank', 'agency', 'name_en', 'name_ru', 'name_kk', 'score', 'grade', 'weighted_mean', 'worst_system', 'worst_score', 'systems', 'top_finding', 'day', 'computed_at'];

/** RFC 4180: quoted when it holds a comma, quote or line break; a leading = + - @ is defused (CSV injection in spreadsheets). */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The agency ranking as CSV: a header line, then one line per agency, best first (CRLF line ends). */
export function agencyRankingCsv(rows: readonly AgencyScoreRow[]): string {
  const lines = [AGENCY_CSV_HEADER.join(',')];
  rows.forEach((r, i) => {
    const top = r.top_findings[0];
    lines.push(
      [
        i + 1,
        r.agency,
        r.name.en,
        r.name.ru,
        r.name.kk,
        r.score,
        r.grade,
        r.weighted_mean,
        r.worst?.system ?? null,
        r.worst?.score ?? null,
        r.system_count,
        top ? `${top.system}: ${top.reason}` : null,
        r.day,
        r.computed_at,
      ]
        .map(csvField)
        .join(','),
    );
  });
  return `${lines.join('\r\n')}\r\n`;
}
