import { useMemo } from 'react';
import type { SystemView } from '@kuzet/contracts/catalog/catalog-api.dto';
import { t } from '../../i18n';
import { systemPath } from '../model/board-route';
import { dependentsIndex, downstreamOf } from '../model/dependencies';
import { usePrefs } from '../prefs/prefs-store';
import { useCatalog, useSystemStatus } from '../store/board-context';
import { linkClick } from '../use-location';
import { StatusBadge } from './StatusBadge';

function SystemLink({ code, byCode, depth }: { code: string; byCode: Map<string, SystemView>; depth?: number }) {
  const { lang } = usePrefs();
  const status = useSystemStatus(code);
  return (
    <li data-system={code} data-depth={depth}>
      <a href={systemPath(code)} onClick={linkClick(systemPath(code))}>{byCode.get(code)?.name[lang] ?? code}</a>{' '}
      <StatusBadge status={status?.status} />
      {depth !== undefined && depth > 1 && <span className="muted"> ({depth})</span>}
    </li>
  );
}

/** What this system depends on, and everything its outage breaks downstream (from the catalog). */
export function DependenciesPanel({ system }: { system: SystemView }) {
  const { lang } = usePrefs();
  const { systems } = useCatalog();
  const byCode = useMemo(() => new Map(systems.map((s) => [s.code, s])), [systems]);
  const downstream = useMemo(() => downstreamOf(system.code, dependentsIndex(systems)), [system.code, systems]);
  return (
    <section className="card" data-testid="dependencies">
      <h3>{t(lang, 'dependsOn')}</h3>
      {system.depends_on.length === 0 ? <p className="empty">{t(lang, 'none')}</p> : (
        <ul className="deps">{system.depends_on.map((c) => <SystemLink key={c} code={c} byCode={byCode} />)}</ul>
      )}
      <h3>{t(lang, 'breaks')}</h3>
      {downstream.length === 0 ? <p className="empty">{t(lang, 'none')}</p> : (
        <ul className="deps" data-testid="downstream">{downstream.map((d) => <SystemLink key={d.code} code={d.code} depth={d.depth} byCode={byCode} />)}</ul>
      )}
    </section>
  );
}
