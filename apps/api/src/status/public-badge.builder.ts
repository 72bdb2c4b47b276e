import type { PublicLanguage, PublicStatus } from '@kuzet/contracts';
import { makeBadge } from 'badge-maker';
import { LABELS, STATUS_WORDS } from './public-texts';

const STATUS_COLOR: Record<PublicStatus, string> = {
  operational: 'brightgreen',
  degraded_performance: 'yellow',
  partial_outage: 'orange',
  major_outage: 'red',
  under_maintenance: 'blue',
};

/** A shields-style SVG of a system's status; badge-maker escapes the text. */
export function statusBadge(status: PublicStatus | null, lang: PublicLanguage): string {
  return makeBadge({
    label: LABELS[lang].status,
    message: STATUS_WORDS[lang][status ?? 'unknown'],
    color: status ? STATUS_COLOR[status] : 'lightgrey',
  });
}

function uptimeColor(uptime: number): string {
  if (uptime >= 0.999) return 'brightgreen';
  if (uptime >= 0.99) return 'green';
  if (uptime >= 0.95) return 'yellow';
  return 'red';
}

/** Uptime over the last `days` days, as a percentage with two decimals. */
export function uptimeBadge(uptime: number | null, days: number, lang: PublicLanguage): string {
  return makeBadge({
    label: `${LABELS[lang].uptime} ${days}d`,
    message: uptime === null ? STATUS_WORDS[lang].unknown : `${(Math.floor(uptime * 10_000) / 100).toFixed(2)}%`,
    color: uptime === null ? 'lightgrey' : uptimeColor(uptime),
  });
}
