import type { ScoreFindingView } from '@kuzet/contracts/scoring/score-views';
import { t, tk } from '../../i18n';
import { formatScore } from '../model/score-display';
import { usePrefs } from '../prefs/prefs-store';
import { formatTime } from './format';

/** One finding: what was seen and what it costs, how to fix it, the evidence and the rule's source. */
export function FindingItem({ finding, system, detailed }: { finding: ScoreFindingView; system?: string; detailed: boolean }) {
  const { lang } = usePrefs();
  const e = finding.evidence;
  return (
    <li className="finding" data-testid="finding" data-rule={finding.rule}>
      <p className="finding-reason">
        {system && <code>{system}</code>} {finding.reason}{' '}
        <span className="finding-cost">(−{formatScore(finding.points_lost)} {t(lang, 'pointsLost')}, {tk(lang, `comp.${finding.component}`)})</span>
        {finding.fading && (
          <span className="finding-fading"> · {t(lang, 'fading')}: {formatTime(finding.fading.fixed_at, lang)}, −{formatScore(finding.fading.original_points_lost)}</span>
        )}
      </p>
      {detailed && (
        <dl className="finding-facts">
          <div><dt>{t(lang, 'fix')}</dt><dd>{finding.fix}</dd></div>
          <div>
            <dt>{t(lang, 'evidence')}</dt>
            <dd>
              {e.fact}
              {e.check_id !== null && <span className="muted"> · check {e.check_id} · {e.region} · {e.observed_at ? formatTime(e.observed_at, lang) : ''}</span>}
            </dd>
          </div>
          <div>
            <dt>{t(lang, 'ruleSource')}</dt>
            <dd>
              <a href={finding.source.url} rel="noreferrer noopener" target="_blank">{finding.source.standard}</a>, {finding.source.section} · <code>{finding.rule}</code>
            </dd>
          </div>
        </dl>
      )}
    </li>
  );
}
