import type { ScoreTrendPoint } from '@kuzet/contracts/scoring/score-views';
import { t } from '../../i18n';
import { formatScore, sparklinePoints, trendChange } from '../model/score-display';
import { usePrefs } from '../prefs/prefs-store';

const WIDTH = 120;
const HEIGHT = 28;

/** Daily scores as a small line (0-100), described in words for screen readers. */
export function ScoreSparkline({ trend }: { trend: readonly ScoreTrendPoint[] }) {
  const { lang } = usePrefs();
  if (trend.length === 0) return <span className="muted">—</span>;
  const first = trend[0];
  const last = trend[trend.length - 1];
  const change = trendChange(trend);
  const label = `${t(lang, 'trend')}: ${first.day} ${formatScore(first.score)} → ${last.day} ${formatScore(last.score)}`;
  return (
    <span className="sparkline" data-testid="score-trend">
      <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
        <polyline points={sparklinePoints(trend, WIDTH, HEIGHT)} fill="none" stroke="currentColor" strokeWidth="1.5" />
      </svg>
      <span className="sparkline-change" aria-hidden="true">{change > 0 ? `▲ ${formatScore(change)}` : change < 0 ? `▼ ${formatScore(-change)}` : '='}</span>
    </span>
  );
}
