import { memo } from 'react';
import type { SystemView } from '@kuzet/contracts/catalog/catalog-api.dto';
import { tk } from '../../i18n';
import { systemPath } from '../model/board-route';
import { displayStatus, STATUS_ICON } from '../model/status-display';
import { usePrefs } from '../prefs/prefs-store';
import { useSystemStatus } from '../store/board-context';
import { renderCount } from '../render-count';
import { linkClick } from '../use-location';

/** One system on the overview; subscribes to its own status only. */
export const SystemTile = memo(function SystemTile({ system }: { system: SystemView }) {
  const status = useSystemStatus(system.code);
  renderCount.tiles += 1;
  const { lang } = usePrefs();
  const s = displayStatus(status?.status);
  const name = system.name[lang];
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
      <span className="tile-name">{name}</span>
      <span className="tile-status">{label}{status?.flapping ? ' ↯' : ''}</span>
    </a>
  );
});
