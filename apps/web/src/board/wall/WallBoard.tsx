import { useMemo, useRef } from 'react';
import { t } from '../../i18n';
import { overviewRows } from '../model/overview-rows';
import { problemBand, wallLayout } from '../model/wall-layout';
import { usePrefs } from '../prefs/prefs-store';
import { useProblemsSelector } from '../store/board-context';
import { NationalSummary } from '../components/NationalSummary';
import { useElementSize } from './use-element-size';
import { useFleetIndex } from './use-fleet-index';
import { ProblemList } from './ProblemList';
import { WallGrid, type WallGroup } from './WallGrid';

/**
 * Wall mode: the whole fleet on one screen without scrolling. On top, the national counts and
 * the systems with a problem, enlarged, with their agency; below, every enabled system in agency
 * order (stable: statuses never move a system), sized to fill the space left: readable tiles
 * while they fit, else a dense matrix (model/wall-layout).
 */
export function WallBoard() {
  const { lang } = usePrefs();
  const fleet = useFleetIndex(lang);
  const boardRef = useRef<HTMLElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const board = useElementSize(boardRef);
  const area = useElementSize(gridRef);

  const groups = useMemo<WallGroup[]>(() => {
    const enabled = fleet.systems.filter((s) => s.enabled !== false);
    const byCode = new Map(enabled.map((s) => [s.code, s]));
    return overviewRows(fleet.agencies.map((a) => a.code), enabled, Number.MAX_SAFE_INTEGER).flatMap((row) =>
      row.kind === 'tiles' ? [{ agency: row.agency, systems: row.codes.map((c) => byCode.get(c)!) }] : [],
    );
  }, [fleet]);
  // Re-render for the band only when its number of lines or cards changes, not on every status.
  const bandWidth = board.width;
  const band = useProblemsSelector((codes) => problemBand(codes.length, bandWidth).capacity);
  const bandColumns = problemBand(1, bandWidth).columns;
  const layout = useMemo(
    () => (area.width > 0 && area.height > 0 ? wallLayout(groups.map((g) => g.systems.length), area.width, area.height) : null),
    [groups, area.width, area.height],
  );

  return (
    <section className="wall-board" ref={boardRef} aria-label={t(lang, 'wallFleet')} data-testid="wall-board">
      <div className="wall-head">
        <NationalSummary />
      </div>
      {band > 0 && <ProblemList fleet={fleet} lang={lang} capacity={band} columns={bandColumns} className="wall-problems" />}
      <div className="wall-area" ref={gridRef}>
        {layout && <WallGrid layout={layout} groups={groups} fleet={fleet} lang={lang} />}
      </div>
    </section>
  );
}
