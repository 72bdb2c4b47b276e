import { memo } from 'react';
import { tk } from '../../i18n';
import { DisplayStatus, STATUS_ICON, STATUS_RANK } from '../model/status-display';
import { usePrefs } from '../prefs/prefs-store';
import { useNationalCounts } from '../store/board-context';

/** The whole country at a glance: how many systems are in each status (icon, number, label). */
export const NationalSummary = memo(function NationalSummary() {
  const { lang } = usePrefs();
  const counts = useNationalCounts();
  const entries = (Object.entries(counts) as [DisplayStatus, number][]).sort((a, b) => STATUS_RANK[a[0]] - STATUS_RANK[b[0]]);
  return (
    <ul className="national-summary" data-testid="national-summary">
      {entries.map(([s, n]) => (
        <li key={s} data-status={s}>
          <span aria-hidden="true">{STATUS_ICON[s]}</span> <strong>{n}</strong> {tk(lang, `st.${s}`)}
        </li>
      ))}
    </ul>
  );
});
