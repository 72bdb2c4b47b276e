import { useMemo } from 'react';
import { api } from '../../api/api-client';
import { t } from '../../i18n';
import { usePrefs } from '../prefs/prefs-store';
import { useAsync } from '../use-async';
import { formatPercent } from './format';

const DAY = 86_400_000;

function barClass(uptime: number | null): string {
  if (uptime === null) return 'no_data';
  if (uptime >= 0.999) return 'operational';
  if (uptime >= 0.99) return 'degraded_performance';
  if (uptime >= 0.95) return 'partial_outage';
  return 'major_outage';
}

/** Uptime over 24 h, 7 days and 90 days, with one bar per day for the 90 days. */
export function UptimeBars({ system }: { system: string }) {
  const { lang } = usePrefs();
  const now = useMemo(() => Date.now(), []);
  const d1 = useAsync(() => api.uptime(system, new Date(now - DAY), 'range'), [system, now]);
  const d7 = useAsync(() => api.uptime(system, new Date(now - 7 * DAY), 'range'), [system, now]);
  const d90 = useAsync(() => api.uptime(system, new Date(now - 90 * DAY), 'day'), [system, now]);
  const totals: [string, number | null | undefined][] = [
    [t(lang, 'last24h'), d1.data?.total.uptime],
    [t(lang, 'last7d'), d7.data?.total.uptime],
    [t(lang, 'last90d'), d90.data?.total.uptime],
  ];
  const error = d1.error ?? d7.error ?? d90.error;
  return (
    <section className="card" data-testid="uptime">
      <h3>{t(lang, 'uptime')}</h3>
      {error && <p role="alert" className="error">{t(lang, 'loadFailed')}: {error}</p>}
      <dl className="facts small">
        {totals.map(([label, v]) => (
          <div key={label}><dt>{label}</dt><dd>{v === undefined ? '…' : formatPercent(v)}</dd></div>
        ))}
      </dl>
      <div className="uptime-bars" role="list" aria-label={`${t(lang, 'uptime')} — ${t(lang, 'last90d')}`}>
        {d90.data?.days.map((d) => (
          <span key={d.date} role="listitem" className="uptime-bar" data-status={barClass(d.uptime)} title={`${d.date}: ${formatPercent(d.uptime)}`} aria-label={`${d.date}: ${formatPercent(d.uptime)}`} />
        ))}
      </div>
    </section>
  );
}
