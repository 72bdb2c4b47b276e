import type { ReactNode } from 'react';
import type { ScoreGrade, ScoreTrendPoint } from '@kuzet/contracts/scoring/score-views';
import { ApiError } from '../../api/api-client';
import { t } from '../../i18n';
import { usePrefs } from '../prefs/prefs-store';
import { useScoreVersion } from '../store/board-context';
import { useAsync } from '../use-async';
import { GradeBadge } from './GradeBadge';
import { ScoreSparkline } from './ScoreSparkline';

/**
 * Loads an agency's or system's score, again on each score.updated of the agency. No score yet
 * (404) is a normal state of a fresh installation, not an error: null.
 */
export function useAgencyScore<T>(agency: string, key: string, load: () => Promise<T>) {
  const version = useScoreVersion(agency);
  return useAsync(() => load().catch((err: unknown) => (err instanceof ApiError && err.status === 404 ? null : Promise.reject(err))), [key, version]);
}

/** The technology-debt card of a page: its grade and trend, then what `children` shows of it. */
export function TechDebtSection<T extends { grade: ScoreGrade; score: number; trend: ScoreTrendPoint[] }>({
  testId,
  loaded,
  children,
}: {
  testId: string;
  loaded: { data: T | null | undefined; error: string | null };
  children: (score: T) => ReactNode;
}) {
  const { lang } = usePrefs();
  const { data, error } = loaded;
  return (
    <section className="card" data-testid={testId} aria-label={t(lang, 'techDebt')}>
      <h3>{t(lang, 'techDebt')}</h3>
      {error && <p role="alert" className="error">{t(lang, 'loadFailed')}: {error}</p>}
      {data === null && <p className="muted">{t(lang, 'techDebtNone')}</p>}
      {data && (
        <>
          <p className="score-line">
            <GradeBadge grade={data.grade} score={data.score} /> <ScoreSparkline trend={data.trend} />
          </p>
          {children(data)}
        </>
      )}
    </section>
  );
}
