import { memo } from 'react';
import type { AgencyView } from '@kuzet/contracts/catalog/catalog-api.dto';
import { tk } from '../../i18n';
import { agencyPath } from '../model/board-route';
import { countStatuses, DisplayStatus, STATUS_ICON, STATUS_RANK } from '../model/status-display';
import { usePrefs } from '../prefs/prefs-store';
import { useAgencyVersion, useBoardStore } from '../store/board-context';
import { linkClick } from '../use-location';

/** An agency's heading in the overview, with its systems counted per status (icon + number + label). */
export const AgencyHeading = memo(function AgencyHeading(props: { code: string; agency: AgencyView | undefined; codes: readonly string[] }) {
  const { code, agency, codes } = props;
  const store = useBoardStore();
  const { lang } = usePrefs();
  useAgencyVersion(code);
  const counts = countStatuses(store.statusesOf(codes));
  const entries = (Object.entries(counts) as [DisplayStatus, number][]).sort((a, b) => STATUS_RANK[a[0]] - STATUS_RANK[b[0]]);
  return (
    <div className="agency-heading" data-testid="agency-heading" data-agency={code}>
      <a href={agencyPath(code)} onClick={linkClick(agencyPath(code))} className="agency-name">
        {agency?.name[lang] ?? code}
      </a>
      <ul className="agency-counts" aria-label={tk(lang, 'status')}>
        {entries.map(([s, n]) => (
          <li key={s} data-status={s} title={tk(lang, `st.${s}`)}>
            <span aria-hidden="true">{STATUS_ICON[s]}</span> {n} <span className="visually-hidden">{tk(lang, `st.${s}`)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
});
