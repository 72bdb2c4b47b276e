import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { SystemView } from '@kuzet/contracts/catalog/catalog-api.dto';
import { t } from '../../i18n';
import { overviewRows } from '../model/overview-rows';
import { usePrefs } from '../prefs/prefs-store';
import { useCatalog } from '../store/board-context';
import { ProblemList } from '../wall/ProblemList';
import { useFleetIndex } from '../wall/use-fleet-index';
import { WallBoard } from '../wall/WallBoard';
import { AgencyHeading } from './AgencyHeading';
import { NationalSummary } from './NationalSummary';
import { SystemTile } from './SystemTile';

const TILE_WIDTH = { normal: 216, wall: 300 };
const ROW_HEIGHT = { agency: { normal: 40, wall: 56 }, tiles: { normal: 76, wall: 112 } };

/** Problem systems shown in the overview's "needs attention" strip; the rest are counted. */
const ATTENTION_CARDS = 8;

/** The national overview: the wall display (whole fleet, no scrolling) in wall mode, else the scrolling grid. */
export function NationalOverview({ systems }: { systems?: readonly SystemView[] }) {
  const { wall } = usePrefs();
  return wall && !systems ? <WallBoard /> : <OverviewGrid systems={systems} />;
}

/**
 * Every agency and its systems as a virtualised grid: only the rows on screen exist in the DOM,
 * and the rows depend on the catalog and the width, not on statuses (tiles subscribe themselves),
 * so the agency order never moves. Problems come first in the "needs attention" strip above it.
 */
function OverviewGrid({ systems: only }: { systems?: readonly SystemView[] }) {
  const { lang, wall } = usePrefs();
  const catalog = useCatalog();
  const fleet = useFleetIndex(lang);
  const systems = only ?? catalog.systems;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(1024);
  const mode = wall ? 'wall' : 'normal';

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    setWidth(el.clientWidth);
    return () => observer.disconnect();
  }, []);

  const columns = Math.max(1, Math.floor((width - 8) / TILE_WIDTH[mode]));
  const agencies = useMemo(() => new Map(catalog.agencies.map((a) => [a.code, a])), [catalog.agencies]);
  const byCode = useMemo(() => new Map(systems.map((s) => [s.code, s])), [systems]);
  const rows = useMemo(
    () =>
      overviewRows(
        catalog.agencies.map((a) => a.code),
        systems.filter((s) => s.enabled !== false),
        columns,
      ),
    [catalog.agencies, systems, columns],
  );
  const agencyCodes = useMemo(() => {
    const m = new Map<string, string[]>();
    for (const s of systems) m.set(s.agency, [...(m.get(s.agency) ?? []), s.code]);
    return m;
  }, [systems]);

  // The virtualizer recomputes positions only when count or getItemKey change: a new key function
  // per row list (and mode) keeps the sizes right when rows change kind at an index (a new width,
  // a mode switch), and stable keys let React keep the rows it already has.
  const rowKeys = useMemo(() => {
    let line = 0;
    return rows.map((row) => (row.kind === 'agency' ? ((line = 0), `agency:${row.agency}`) : `tiles:${row.agency}:${line++}`));
  }, [rows]);
  const getItemKey = useCallback(
    (i: number) => rowKeys[i],
    // mode changes the sizes, not the keys
    [rowKeys, mode],
  );
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => ROW_HEIGHT[rows[i].kind][mode],
    getItemKey,
    overscan: 6,
  });

  return (
    <section className="overview" aria-label={t(lang, 'overview')}>
      <div className="overview-head">
        <h2 className="section-title">{t(lang, 'overview')}</h2>
        {!only && <NationalSummary />}
      </div>
      {!only && <ProblemList fleet={fleet} lang={lang} capacity={ATTENTION_CARDS} className="attention-strip" />}
      <div className="overview-scroll" ref={scrollRef} data-testid="national-overview">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const row = rows[v.index];
            return (
              <div key={v.key} className={`overview-row ${row.kind}`} style={{ position: 'absolute', top: 0, left: 0, right: 0, height: v.size, transform: `translateY(${v.start}px)` }}>
                {row.kind === 'agency' ? (
                  <AgencyHeading code={row.agency} agency={agencies.get(row.agency)} codes={agencyCodes.get(row.agency) ?? []} />
                ) : (
                  row.codes.map((code) => <SystemTile key={code} system={byCode.get(code)!} />)
                )}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
