import { memo } from 'react';
import type { SystemView } from '@kuzet/contracts/catalog/catalog-api.dto';
import { tk } from '../../i18n';
import { systemPath } from '../model/board-route';
import { measureText, pageFont, pickName } from '../model/name-fit';
import { displayStatus, STATUS_ICON } from '../model/status-display';
import { usePrefs } from '../prefs/prefs-store';
import { useSystemStatus } from '../store/board-context';
import { renderCount } from '../render-count';
import { linkClick } from '../use-location';

/** Room for the name in a tile (styles.css: .tile and .wall .tile, less padding, border and icon) and its font. */
const NAME_BOX = {
  normal: { width: 208 - 18 - 22 - 6, px: 13.6 },
  wall: { width: 288 - 26 - 34 - 6, px: 18.4 },
};

/** One system on the overview; subscribes to its own status only. */
export const SystemTile = memo(function SystemTile({ system }: { system: SystemView }) {
  const status = useSystemStatus(system.code);
  renderCount.tiles += 1;
  const { lang, wall } = usePrefs();
  const s = displayStatus(status?.status);
  const name = system.name[lang];
  const box = NAME_BOX[wall ? 'wall' : 'normal'];
  const shown = pickName(name, system.short_name?.[lang], box.width, pageFont(600, box.px), measureText);
  const label = tk(lang, `st.${s}`);
  return (
    <a
      className="tile"
      href={systemPath(system.code)}
      onClick={linkClick(systemPath(system.code))}
      data-testid="system-tile"
      data-system={system.code}
      data-status={s}
      data-tier={system.tier}
      aria-label={`${name}: ${label}${status?.flapping ? ' (flapping)' : ''}`}
      title={`${name} — ${label}`}
    >
      <span className="tile-icon" aria-hidden="true">{STATUS_ICON[s]}</span>
      <span className="tile-name">{shown}</span>
      <span className="tile-status">{label}{status?.flapping ? ' ↯' : ''}</span>
    </a>
  );
});
