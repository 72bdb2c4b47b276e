import { useMemo, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api } from '../../api/api-client';
import { t } from '../../i18n';
import { latencyByRegion } from '../model/latency-series';
import { regionName } from '../model/region-name';
import { usePrefs } from '../prefs/prefs-store';
import { useAsync } from '../use-async';
import { formatTime } from './format';

const COLORS = ['#2563eb', '#d97706', '#059669', '#9333ea', '#dc2626', '#0891b2'];

/**
 * Ranges offered; the API picks the rollup from the range: 1-minute buckets up to 12 h (the last
 * minutes show at once), hourly beyond (an hour bucket appears once its rollup job has run).
 */
const RANGES = [
  { key: 'last6h', hours: 6 },
  { key: 'last24h', hours: 24 },
  { key: 'last7d', hours: 7 * 24 },
] as const;

/** p50 and p95 latency of one check over the chosen range (6 h by default), one pair of lines per region. */
export function LatencyChart({ checkId, label }: { checkId: number; label: string }) {
  const { lang } = usePrefs();
  const [hours, setHours] = useState<number>(RANGES[0].hours);
  const from = useMemo(() => new Date(Date.now() - hours * 3600_000), [hours]);
  const series = useAsync(() => api.latency(checkId, from), [checkId, from]);
  const data = useMemo(() => latencyByRegion(series.data?.points ?? []), [series.data]);
  return (
    <figure className="chart" data-testid="latency-chart" aria-label={`${t(lang, 'latency')}: ${label}`}>
      <figcaption>
        {label}
        <span className="range" role="group" aria-label={t(lang, 'latencyRange')}>
          {RANGES.map((r) => (
            <button key={r.key} type="button" aria-pressed={r.hours === hours} data-range={r.key} onClick={() => setHours(r.hours)}>
              {t(lang, r.key)}
            </button>
          ))}
        </span>
      </figcaption>
      {series.error && <p role="alert" className="error">{t(lang, 'loadFailed')}: {series.error}</p>}
      {series.data && data.rows.length === 0 && <p className="empty">{t(lang, 'noData')}</p>}
      {data.rows.length > 0 && (
        <ResponsiveContainer width="100%" height={220}>
          <LineChart data={data.rows}>
            <CartesianGrid strokeDasharray="3 3" opacity={0.3} />
            <XAxis dataKey="time" tickFormatter={(v: string) => formatTime(v, lang, false)} minTickGap={40} />
            <YAxis unit=" ms" width={70} />
            <Tooltip labelFormatter={(v) => formatTime(String(v), lang)} />
            <Legend />
            {data.regions.flatMap((region, n) => [
              <Line key={`${region}-p50`} dataKey={`${region}.p50`} name={t(lang, 'legendP50', { region: regionName(lang, region) })} stroke={COLORS[n % COLORS.length]} dot={false} isAnimationActive={false} connectNulls />,
              <Line key={`${region}-p95`} dataKey={`${region}.p95`} name={t(lang, 'legendP95', { region: regionName(lang, region) })} stroke={COLORS[n % COLORS.length]} strokeDasharray="5 3" dot={false} isAnimationActive={false} connectNulls />,
            ])}
          </LineChart>
        </ResponsiveContainer>
      )}
    </figure>
  );
}
