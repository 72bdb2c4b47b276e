import { useCallback, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { t } from '../../i18n';
import { usePrefs } from '../prefs/prefs-store';
import { useBoardStore, useIncidentIds } from '../store/board-context';
import { IncidentRow } from './IncidentRow';

/** The live incident feed, virtualised; `agency` or `system` narrows it. */
export function IncidentFeed({ onOpen, agency, system }: { onOpen: (id: number) => void; agency?: string; system?: string }) {
  const { lang, wall } = usePrefs();
  const store = useBoardStore();
  const ids = useIncidentIds();
  const [showResolved, setShowResolved] = useState(false);
  const scrollRef = useRef<HTMLDivElement>(null);
  const visible = useMemo(() => {
    const list = showResolved ? ids : ids.slice(0, store.activeCount());
    if (system) return list.filter((id) => store.incident(id)?.system === system);
    return agency ? list.filter((id) => store.incident(id)?.agency === agency) : list;
  }, [ids, showResolved, agency, system, store]);
  const activeShown = visible.filter((id) => store.incident(id)?.state !== 'resolved').length;
  // Measured sizes are cached per key: keyed by incident (not index) they follow a row when the
  // order changes; a new key function per list (and mode) makes the virtualizer recompute positions.
  const getItemKey = useCallback(
    (i: number) => visible[i],
    // wall changes the estimates, not the keys
    [visible, wall],
  );
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => (wall ? 96 : 72),
    getItemKey,
    overscan: 8,
  });
  return (
    <section className="feed" aria-label={t(lang, 'incidents')}>
      <div className="feed-head">
        <h2 className="section-title">
          {t(lang, 'incidents')} <span className="count" data-testid="active-incident-count">{agency || system ? activeShown : store.activeCount()}</span>
        </h2>
        {!wall && (
          <label className="controls">
            <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} /> {t(lang, 'showResolved')}
          </label>
        )}
      </div>
      <div className="feed-scroll" ref={scrollRef} data-testid="incident-feed" aria-live="polite">
        {visible.length === 0 && <p className="empty">{t(lang, 'noIncidents')}</p>}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => (
            <div
              key={visible[v.index]}
              data-index={v.index}
              ref={virtualizer.measureElement}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${v.start}px)` }}
            >
              <IncidentRow id={visible[v.index]} onOpen={onOpen} />
            </div>
          ))}
        </div>
      </div>
    </section>
  );
}
