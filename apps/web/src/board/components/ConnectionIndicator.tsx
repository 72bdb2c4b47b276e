import { memo } from 'react';
import { tk } from '../../i18n';
import { usePrefs } from '../prefs/prefs-store';
import { useConnection } from '../store/board-context';

const ICON = { connecting: '…', connected: '●', reconnecting: '↻', offline: '○' } as const;

export const ConnectionIndicator = memo(function ConnectionIndicator() {
  const state = useConnection();
  const { lang } = usePrefs();
  return (
    <span className="connection" data-testid="connection-state" data-state={state} role="status" aria-live="polite">
      <span aria-hidden="true">{ICON[state]}</span> {tk(lang, `conn.${state}`)}
    </span>
  );
});
