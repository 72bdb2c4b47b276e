import { api } from '../../api/api-client';
import { t } from '../../i18n';
import { usePrefs } from '../prefs/prefs-store';
import { FindingItem } from './FindingItem';
import { TechDebtSection, useAgencyScore } from './TechDebtSection';

/** A system's technology-debt score on its drill-down: grade, trend and every finding with evidence and source. */
export function SystemScoreCard({ system, agency }: { system: string; agency: string }) {
  const { lang } = usePrefs();
  // A new agency score means its systems were scored again.
  const score = useAgencyScore(agency, system, () => api.systemScore(system));
  return (
    <TechDebtSection testId="system-tech-debt" loaded={score}>
      {(s) =>
        s.findings.length === 0 ? (
          <p className="muted">{t(lang, 'noFindings')}</p>
        ) : (
          <ul className="findings">{s.findings.map((f, i) => <FindingItem key={`${f.rule}:${i}`} finding={f} detailed />)}</ul>
        )
      }
    </TechDebtSection>
  );
}
