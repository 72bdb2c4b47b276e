import { t } from '../../i18n';
import { usePrefs } from '../prefs/prefs-store';
import { useBoardStore } from '../store/board-context';

/** Reserved place for the agency's technology-debt score (filled by the scoring release). */
export function TechDebtPlaceholder({ agency }: { agency: string }) {
  const { lang } = usePrefs();
  const score = useBoardStore().score(agency);
  return (
    <section className="card placeholder" data-testid="tech-debt-score" aria-label={t(lang, 'techDebt')}>
      <h3>{t(lang, 'techDebt')}</h3>
      {score ? <p className="big">{score.grade} · {score.score}</p> : <p className="muted">{t(lang, 'techDebtLater')}</p>}
    </section>
  );
}
