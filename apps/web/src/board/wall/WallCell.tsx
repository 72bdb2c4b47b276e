import { memo } from 'react';
import type { SystemView } from '@kuzet/contracts/catalog/catalog-api.dto';
import { type Lang, tk } from '../../i18n';
import { systemPath } from '../model/board-route';
import { measureText, pageFont, pickName } from '../model/name-fit';
import { isProblem } from '../model/problem-systems';
import { displayStatus, STATUS_ICON } from '../model/status-display';
import { renderCount } from '../render-count';
import { useSystemStatus } from '../store/board-context';
import { linkClick } from '../use-location';

export interface WallCellProps {
  system: SystemView;
  agencyName: string;
  lang: Lang;
  /** 'tile': icon, name and status in words; 'cell': the icon alone (dense matrix). */
  variant: 'tile' | 'cell';
  /** Tiles: room for the name, and its font size, in CSS pixels. */
  nameWidth: number;
  fontPx: number;
}

/**
 * One system on the wall; subscribes to its own status only. Status by colour and icon shape
 * (and in words on tiles); the full name, agency and status are its title and accessible name.
 */
export const WallCell = memo(function WallCell({ system, agencyName, lang, variant, nameWidth, fontPx }: WallCellProps) {
  const status = useSystemStatus(system.code);
  renderCount.tiles += 1;
  const s = displayStatus(status?.status);
  const full = system.name[lang];
  const label = tk(lang, `st.${s}`);
  const described = `${full} (${agencyName}): ${label}${status?.flapping ? ' ↯' : ''}`;
  const path = systemPath(system.code);
  return (
    <a
      className={`wall-cell is-${variant}`}
      href={path}
      onClick={linkClick(path)}
      data-testid="system-tile"
      data-system={system.code}
      data-agency={system.agency}
      data-status={s}
      data-problem={isProblem(status?.status) || undefined}
      aria-label={described}
      title={described}
    >
      <span className="tile-icon" aria-hidden="true">{STATUS_ICON[s]}</span>
      {variant === 'tile' && (
        <>
          <span className="tile-name">{pickName(full, system.short_name?.[lang], nameWidth, pageFont(600, fontPx), measureText)}</span>
          <span className="tile-status">{label}</span>
        </>
      )}
    </a>
  );
});
