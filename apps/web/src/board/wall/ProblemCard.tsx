import { memo } from 'react';
import type { SystemView } from '@kuzet/contracts/catalog/catalog-api.dto';
import { type Lang, tk } from '../../i18n';
import { systemPath } from '../model/board-route';
import { measureText, pageFont, pickName } from '../model/name-fit';
import { displayStatus, STATUS_ICON } from '../model/status-display';
import { useSystemStatus } from '../store/board-context';
import { linkClick } from '../use-location';

/** Room for the name on a card (styles.css: .problem-card) and its font size. */
const NAME_BOX = { width: 300 - 20 - 30 - 8, px: 16 };

/** A system with a problem, enlarged: icon, name, its agency and the status in words. */
export const ProblemCard = memo(function ProblemCard({ system, agencyName, lang }: { system: SystemView; agencyName: string; lang: Lang }) {
  const status = useSystemStatus(system.code);
  const s = displayStatus(status?.status);
  const full = system.name[lang];
  const label = tk(lang, `st.${s}`);
  const path = systemPath(system.code);
  return (
    <a
      className="problem-card"
      href={path}
      onClick={linkClick(path)}
      data-testid="problem-card"
      data-system={system.code}
      data-status={s}
      aria-label={`${full} (${agencyName}): ${label}`}
      title={`${full} (${agencyName}): ${label}`}
    >
      <span className="tile-icon" aria-hidden="true">{STATUS_ICON[s]}</span>
      <span className="tile-name">{pickName(full, system.short_name?.[lang], NAME_BOX.width, pageFont(600, NAME_BOX.px), measureText)}</span>
      <span className="problem-agency">{agencyName}</span>
      <span className="tile-status">{label}</span>
    </a>
  );
});
