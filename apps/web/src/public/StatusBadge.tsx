import type { PublicStatus } from '@kuzet/contracts/catalog/catalog-enums';
import type { PublicText } from './public-i18n';

/** A shape per status, so the status reads without colour (and the text says it in words). */
export const STATUS_ICON: Record<PublicStatus | 'no_data', string> = {
  operational: '✓',
  degraded_performance: '◐',
  partial_outage: '▲',
  major_outage: '✕',
  under_maintenance: '⚙',
  no_data: '?',
};

export function StatusBadge({ status, text }: { status: PublicStatus | null; text: PublicText }) {
  const key = status ?? 'no_data';
  return (
    <span className="status-badge" data-status={key} data-testid="status-badge">
      <span aria-hidden="true">{STATUS_ICON[key]}</span> {text.t(`st.${key}`)}
    </span>
  );
}
