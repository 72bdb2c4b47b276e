import { api, ApiError } from '../../api/api-client';
import { t } from '../../i18n';
import { usePrefs } from '../prefs/prefs-store';
import { useScoreVersion } from '../store/board-context';
import { useAsync } from '../use-async';
import { FindingItem } from './FindingItem';
import { GradeBadge } from './GradeBadge';
import { ScoreSparkline } from './ScoreSparkline';

/** A system's technology-debt score on its drill-down: grade, trend and every finding with evidence and source. */
export function SystemScoreCard({ system, agency }: { system: string; agency: string }) {
  const { lang } = usePrefs();
  // A new agency score means its systems were scored again.
  const version = useScoreVersion(agency);
  const score = useAsync(
    () => api.systemScore(system).catch((err: unknown) => (err instanceof ApiError && err.status === 404 ? null : Promise.reject(err))),
    [system, version],
  );
  return (
    <section className="card" data-testid="system-tech-debt" aria-label={t(lang, 'techDebt')}>
      <h3>{t(lang, 'techDebt')}</h3>
      {score.error && <p role="alert" className="error">{t(lang, 'loadFailed')}: {score.error}</p>}
      {score.data === null && <p className="muted">{t(lang, 'techDebtNone')}</p>}
      {score.data && (
        <>
          <p className="score-line">
            <GradeBadge grade={score.data.grade} score={score.data.score} /> <ScoreSparkline trend={score.data.trend} />
          </p>
          {score.data.findings.length === 0 ? (
            <p className="muted">{t(lang, 'noFindings')}</p>
          ) : (
            <ul className="findings">{score.data.findings.map((f, i) => <FindingItem key={`${f.rule}:${i}`} finding={f} detailed />)}</ul>
          )}
        </>
      )}
    </section>
  );
}
