import { api } from '../../api/api-client';
import { t, tk } from '../../i18n';
import { agencyPath } from '../model/board-route';
import { usePrefs } from '../prefs/prefs-store';
import { useCatalog, useSystemStatus } from '../store/board-context';
import { useAsync } from '../use-async';
import { linkClick } from '../use-location';
import { CheckSection } from './CheckSection';
import { DependenciesPanel } from './DependenciesPanel';
import { IncidentFeed } from './IncidentFeed';
import { StatusBadge } from './StatusBadge';
import { SystemScoreCard } from './SystemScoreCard';
import { UptimeBars } from './UptimeBars';

/** Drill-down of one system: status, dependencies, uptime, technology-debt findings, and per check latency, results and TLS. */
export function SystemPage({ code, onOpenIncident }: { code: string; onOpenIncident: (id: number) => void }) {
  const { lang } = usePrefs();
  const catalog = useCatalog();
  const status = useSystemStatus(code);
  const system = catalog.systems.find((s) => s.code === code);
  const checks = useAsync(() => api.checks(code), [code]);
  if (!system) return <p className="empty">{catalog.systems.length ? t(lang, 'notFound') : t(lang, 'loading')}</p>;
  const agency = catalog.agencies.find((a) => a.code === system.agency);
  return (
    <div className="page-grid" data-testid="system-page" data-system={code}>
      <header className="page-head">
        <h2>{system.name[lang]}</h2>
        <StatusBadge status={status?.status} />
        <p className="muted">
          {t(lang, 'owner')}: <a href={agencyPath(system.agency)} onClick={linkClick(agencyPath(system.agency))}>{agency?.name[lang] ?? system.agency}</a>
          {' · '}{tk(lang, `tier.${system.tier}`)}{' · '}<code>{system.code}</code>
        </p>
      </header>
      <DependenciesPanel system={system} />
      <UptimeBars system={code} />
      <SystemScoreCard system={code} agency={system.agency} />
      <IncidentFeed onOpen={onOpenIncident} system={code} />
      <div className="checks">
        {checks.error && <p role="alert" className="error">{t(lang, 'loadFailed')}: {checks.error}</p>}
        {checks.data?.length === 0 && <p className="empty">{t(lang, 'noChecks')}</p>}
        {checks.data?.map((c) => <CheckSection key={c.key} check={c} />)}
      </div>
    </div>
  );
}
