import { useMemo } from 'react';
import { t } from '../../i18n';
import { usePrefs } from '../prefs/prefs-store';
import { useCatalog } from '../store/board-context';
import { IncidentFeed } from './IncidentFeed';
import { NationalOverview } from './NationalOverview';
import { AgencyScoreSummary } from './AgencyScoreSummary';

/** One agency: its systems (same tiles as the overview), its incidents, its technology-debt score. */
export function AgencyPage({ code, onOpenIncident }: { code: string; onOpenIncident: (id: number) => void }) {
  const { lang } = usePrefs();
  const catalog = useCatalog();
  const agency = catalog.agencies.find((a) => a.code === code);
  const systems = useMemo(() => catalog.systems.filter((s) => s.agency === code), [catalog.systems, code]);
  if (!agency) return <p className="empty">{catalog.agencies.length ? t(lang, 'notFound') : t(lang, 'loading')}</p>;
  return (
    <div className="page-grid agency-page" data-testid="agency-page" data-agency={code}>
      <header className="page-head">
        <h2>{agency.name[lang]}</h2>
        <p className="muted">{t(lang, 'agencySystems')}: {systems.length}</p>
      </header>
      <AgencyScoreSummary agency={code} />
      <div className="board-main">
        <NationalOverview systems={systems} />
        <IncidentFeed onOpen={onOpenIncident} agency={code} />
      </div>
    </div>
  );
}
