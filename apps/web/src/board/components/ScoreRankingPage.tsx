import { api } from '../../api/api-client';
import { t } from '../../i18n';
import { reportCardPath } from '../model/board-route';
import { usePrefs } from '../prefs/prefs-store';
import { useScoreVersion } from '../store/board-context';
import { useAsync } from '../use-async';
import { linkClick } from '../use-location';
import { FindingItem } from './FindingItem';
import { GradeBadge } from './GradeBadge';
import { ScoreSparkline } from './ScoreSparkline';

/** /board/scores: every agency's technology-debt score, best first; refetched on score.updated. */
export function ScoreRankingPage() {
  const { lang } = usePrefs();
  const version = useScoreVersion();
  const ranking = useAsync(() => api.scoreRanking(), [version]);
  return (
    <section className="card score-ranking" data-testid="score-ranking" aria-labelledby="score-ranking-title">
      <header className="page-head">
        <h2 id="score-ranking-title">{t(lang, 'scoreRanking')} · {t(lang, 'scores')}</h2>
        <a href="/api/scores/agencies.csv" download className="no-print">{t(lang, 'downloadCsv')}</a>
      </header>
      {ranking.error && <p role="alert" className="error">{t(lang, 'loadFailed')}: {ranking.error}</p>}
      {ranking.data?.length === 0 && <p className="empty">{t(lang, 'noScores')}</p>}
      {ranking.data && ranking.data.length > 0 && (
        <table className="score-table">
          <thead>
            <tr>
              <th scope="col">{t(lang, 'rank')}</th>
              <th scope="col">{t(lang, 'agency')}</th>
              <th scope="col">{t(lang, 'grade')}</th>
              <th scope="col">{t(lang, 'trend')}</th>
              <th scope="col">{t(lang, 'topFindings')}</th>
            </tr>
          </thead>
          <tbody>
            {ranking.data.map((row, i) => (
              <tr key={row.agency} data-testid="score-row" data-agency={row.agency} data-grade={row.grade}>
                <td>{i + 1}</td>
                <th scope="row">
                  <a href={reportCardPath(row.agency)} onClick={linkClick(reportCardPath(row.agency))}>{row.name[lang]}</a>
                  <span className="muted"> · {row.system_count}</span>
                </th>
                <td><GradeBadge grade={row.grade} score={row.score} /></td>
                <td><ScoreSparkline trend={row.trend} /></td>
                <td>
                  {row.top_findings.length === 0 ? (
                    <span className="muted">{t(lang, 'noFindings')}</span>
                  ) : (
                    <ul className="findings compact">
                      {row.top_findings.map((f) => <FindingItem key={`${f.system}:${f.rule}`} finding={f} system={f.system} detailed={false} />)}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
