import { api } from '../../api/api-client';
import { t } from '../../i18n';
import { reportCardPath } from '../model/board-route';
import { usePrefs } from '../prefs/prefs-store';
import { linkClick } from '../use-location';
import { FindingItem } from './FindingItem';
import { TechDebtSection, useAgencyScore } from './TechDebtSection';

/** The agency's technology-debt score on its page: grade, trend, top findings, the way to its report card. */
export function AgencyScoreSummary({ agency }: { agency: string }) {
  const { lang } = usePrefs();
  const card = useAgencyScore(agency, agency, () => api.reportCard(agency));
  return (
    <TechDebtSection testId="tech-debt-score" loaded={card}>
      {(c) => (
        <>
          {c.top_findings.length > 0 && (
            <ul className="findings compact">
              {c.top_findings.map((f) => <FindingItem key={`${f.system}:${f.rule}`} finding={f} system={f.system} detailed={false} />)}
            </ul>
          )}
          <a href={reportCardPath(agency)} onClick={linkClick(reportCardPath(agency))} data-testid="report-card-link">{t(lang, 'reportCard')}</a>
        </>
      )}
    </TechDebtSection>
  );
}
