import { memo } from 'react';
import { type Lang, t } from '../../i18n';
import { useProblemSystems } from '../store/board-context';
import { ProblemCard } from './ProblemCard';
import type { FleetIndex } from './use-fleet-index';

/**
 * The systems with a problem, most urgent first, each with its agency: the wall's band and the
 * overview's "needs attention" strip. At most `capacity` cards; beyond that the last place says
 * how many more there are (every system stays in the grid below).
 */
export const ProblemList = memo(function ProblemList(props: { fleet: FleetIndex; lang: Lang; capacity: number; className: string; columns?: number }) {
  const { fleet, lang, capacity, className, columns } = props;
  const codes = useProblemSystems().filter((c) => fleet.system(c)?.enabled === true);
  if (codes.length === 0) return null;
  const shown = codes.length > capacity ? codes.slice(0, Math.max(0, capacity - 1)) : codes;
  const more = codes.length - shown.length;
  return (
    <section
      className={className}
      aria-label={t(lang, 'attentionTitle')}
      data-testid="problem-list"
      style={columns ? { gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` } : undefined}
    >
      {shown.map((code) => {
        const system = fleet.system(code)!;
        return <ProblemCard key={code} system={system} agencyName={fleet.agencyName(system.agency)} lang={lang} />;
      })}
      {more > 0 && (
        <span className="problem-more" data-testid="problem-more">
          +{more} {t(lang, 'attentionMore')}
        </span>
      )}
    </section>
  );
});
