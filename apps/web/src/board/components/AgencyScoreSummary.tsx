import { api, ApiError } from '../../api/api-client';
import { t } from '../../i18n';
import { reportCardPath } from '../model/board-route';
import { usePrefs } from '../prefs/prefs-store';
import { useScoreVersion } from '../store/board-context';
import { useAsync } from '../use-async';
import { linkClick } from '../use-location';
import { FindingItem } from './FindingItem';
import { GradeBadge } from './GradeBadge';
import { ScoreSparkline } from './ScoreSparkline';

/** The agency's technology-debt score on its page: grade, trend, top findings, the way to its report card. */
export function AgencyScoreSummary({ agency }: { agency: string }) {
  const { lang } = usePrefs();
  const version = useScoreVersion(agency);
  // No score yet is a normal state of a fresh installation, not an error.
  const card = useAsync(
    () => api.reportCard(agency).catch((err: unknown) => (err instanceof ApiError && err.status === 404 ? null : Promise.reject(err))),
    [agency, version],
  );
  return (
    <section className="card" data-testid="tech-debt-score" aria-label={t(lang, 'techDebt')}>
      <h3>{t(lang, 'techDebt')}</h3>
      {card.error && <p role="alert" className="error">{t(lang, 'loadFailed')}: {card.error}</p>}
      {card.data === null && <p className="muted">{t(lang, 'techDebtNone')}</p>}
      {card.data && (
        <>
          <p className="score-line">
            <GradeBadge grade={card.data.grade} score={card.data.score} /> <ScoreSparkline trend={card.data.trend} />
          </p>
          {card.data.top_findings.length > 0 && (
            <ul className="findings compact">
              {card.data.top_findings.map((f) => <FindingItem key={`${f.system}:${f.rule}`} finding={f} system={f.system} detailed={false} />)}
            </ul>
          )}
          <a href={reportCardPath(agency)} onClick={linkClick(reportCardPath(agency))} data-testid="report-card-link">{t(lang, 'reportCard')}</a>
        </>
      )}
    </section>
  );
}
