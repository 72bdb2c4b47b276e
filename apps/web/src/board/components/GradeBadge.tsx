import type { ScoreGrade } from '@kuzet/contracts/scoring/score-views';
import { t, tk } from '../../i18n';
import { formatScore, GRADE_WORDS } from '../model/score-display';
import { usePrefs } from '../prefs/prefs-store';

/** A grade as its letter and its word, with the score (never a colour alone). */
export function GradeBadge({ grade, score }: { grade: ScoreGrade; score?: number }) {
  const { lang } = usePrefs();
  const words = tk(lang, GRADE_WORDS[grade]);
  return (
    <span className="grade-badge" data-grade={grade} data-testid="grade-badge" aria-label={`${t(lang, 'grade')} ${grade}, ${words}${score === undefined ? '' : `, ${formatScore(score)} / 100`}`}>
      <strong className="grade-letter" aria-hidden="true">{grade}</strong>
      <span className="grade-words" aria-hidden="true">{words}</span>
      {score !== undefined && <span className="grade-score" aria-hidden="true">{formatScore(score)}</span>}
    </span>
  );
}
