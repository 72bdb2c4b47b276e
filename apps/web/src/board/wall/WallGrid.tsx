import { memo } from 'react';
import type { SystemView } from '@kuzet/contracts/catalog/catalog-api.dto';
import type { Lang } from '../../i18n';
import { agencyPath } from '../model/board-route';
import type { WallLayout } from '../model/wall-layout';
import { linkClick } from '../use-location';
import type { FleetIndex } from './use-fleet-index';
import { WallCell } from './WallCell';

export interface WallGroup {
  agency: string;
  systems: SystemView[];
}

/** Tiles: padding, border, icon and gap around the name (styles.css .wall-cell.is-tile), by font size. */
const tileName = (layout: WallLayout) => {
  const fontPx = Math.max(13, Math.min(22, Math.round(layout.cellHeight * 0.2)));
  return { fontPx, nameWidth: layout.cellWidth - 2 * 10 - 2 - Math.round(fontPx * 1.6) - 8 };
};

/**
 * The whole fleet as one CSS grid with computed sizes: each agency a label (its name on tiles,
 * its code on the matrix; the full name as title), then its systems. Re-renders only when the
 * layout, catalog or language changes; cells follow their own status.
 */
export const WallGrid = memo(function WallGrid({ layout, groups, fleet, lang }: { layout: WallLayout; groups: WallGroup[]; fleet: FleetIndex; lang: Lang }) {
  const variant = layout.kind === 'tiles' ? 'tile' : 'cell';
  const { fontPx, nameWidth } = tileName(layout);
  return (
    <div
      className={`wall-grid ${layout.kind}`}
      data-testid="wall-grid"
      data-layout={layout.kind}
      data-cell={`${layout.cellWidth}x${layout.cellHeight}`}
      style={{
        gridTemplateColumns: `repeat(${layout.columns}, ${layout.cellWidth}px)`,
        gridAutoRows: `${layout.cellHeight}px`,
        gap: `${layout.gap}px`,
        fontSize: layout.kind === 'tiles' ? `${fontPx}px` : `${Math.max(8, Math.round(layout.cellHeight * 0.6))}px`,
      }}
    >
      {groups.map(({ agency, systems }) => {
        const name = fleet.agencyName(agency);
        return [
          <a
            key={`agency:${agency}`}
            className="wall-agency"
            href={agencyPath(agency)}
            onClick={linkClick(agencyPath(agency))}
            data-testid="wall-agency"
            data-agency={agency}
            title={name}
            style={{ gridColumn: `span ${layout.labelSpan}` }}
          >
            {layout.kind === 'tiles' ? name : agency}
          </a>,
          ...systems.map((s) => <WallCell key={s.code} system={s} agencyName={name} lang={lang} variant={variant} nameWidth={nameWidth} fontPx={fontPx} />),
        ];
      })}
    </div>
  );
});
