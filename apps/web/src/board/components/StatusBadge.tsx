import { memo } from 'react';
import { tk } from '../../i18n';
import { displayStatus, STATUS_ICON } from '../model/status-display';
import { usePrefs } from '../prefs/prefs-store';

/** Status as icon + text (never colour alone); the colour comes from the data-status CSS rule. */
export const StatusBadge = memo(function StatusBadge({ status }: { status: string | null | undefined }) {
  const { lang } = usePrefs();
  const s = displayStatus(status);
  return (
    <span className="status-badge" data-status={s}>
      <span className="status-icon" aria-hidden="true">{STATUS_ICON[s]}</span>
      <span className="status-text">{tk(lang, `st.${s}`)}</span>
    </span>
  );
});
