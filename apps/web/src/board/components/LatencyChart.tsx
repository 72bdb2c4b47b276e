import { useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api } from '../../api/api-client';
import { t } from '../../i18n';
import { latencyByRegion } from '../model/latency-series';
import { usePrefs } from '../prefs/prefs-store';
import { useAsync } from '../use-async';
import { formatTime } from './format';

const COLORS = ['#2563eb', '#d97706', '#059669', '#9333ea', '#dc2626', '#0891b2'];

/** p50 and p95 latency of one check over the last 24 h, one pair of lines per region. */
export function LatencyChart({ checkId, label }: { checkId: number; label: string }) {
  const { lang } = usePrefs();
  const from = useMemo(() => new Date(Date.now() - 24 * 3600_000), []);
  const series = useAsync(() => api.latency(checkId, from), [checkId, from]);
  const data = useMemo(() => latencyByRegion(series.data?.points ?? []), [series.data]);
  return (
    <figure className="chart" data-testid="latency-chart" aria-label={`${t(lang, 'latency')}: ${label}`}>
      <figcaption>{label}</figcaption>
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
              <Line key={`${region}-p50`} dataKey={`${region}.p50`} name={`${region} p50`} stroke={COLORS[n % COLORS.length]} dot={false} isAnimationActive={false} connectNulls />,
              <Line key={`${region}-p95`} dataKey={`${region}.p95`} name={`${region} p95`} stroke={COLORS[n % COLORS.length]} strokeDasharray="5 3" dot={false} isAnimationActive={false} connectNulls />,
            ])}
          </LineChart>
        </ResponsiveContainer>
      )}
    </figure>
  );
}
