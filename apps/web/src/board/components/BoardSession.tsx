import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SessionView } from '@kuzet/contracts/auth/auth-api';
import { api } from '../../api/api-client';
import { t } from '../../i18n';
import { BoardStream } from '../../realtime/board-stream';
import { Alarm } from '../alarm/alarm';
import { followAlarm } from '../alarm/alarm-follow';
import { incidentFromSearch, parseBoardRoute } from '../model/board-route';
import { getPrefs, usePrefs } from '../prefs/prefs-store';
import { BoardStoreContext, viewerFor, ViewerContext } from '../store/board-context';
import { BoardStore } from '../store/board-store';
import { usePathname } from '../use-location';
import { AgencyPage } from './AgencyPage';
import { AlarmBanner } from './AlarmBanner';
import { BoardHeader } from './BoardHeader';
import { DeadLettersPage } from './DeadLettersPage';
import { IncidentFeed } from './IncidentFeed';
import { IncidentPanel } from './IncidentPanel';
import { NationalOverview } from './NationalOverview';
import { ReportCardPage } from './ReportCardPage';
import { ScoreRankingPage } from './ScoreRankingPage';
import { SystemPage } from './SystemPage';
import { WallStrip } from './WallStrip';

/** A signed-in board: one store, one socket, one alarm for the session's lifetime. */
export function BoardSession({ session, onSignedOut }: { session: SessionView; onSignedOut: () => void }) {
  const { lang, wall } = usePrefs();
  const store = useMemo(() => new BoardStore(), []);
  const alarm = useMemo(() => new Alarm(() => getPrefs().muted), []);
  const viewer = useMemo(() => viewerFor(session.user), [session.user]);
  // An alert's link (/board?incident=<id>) opens that incident.
  const [openIncident, setOpenIncident] = useState<number | null>(() => incidentFromSearch(location.search));
  const [catalogError, setCatalogError] = useState<string | null>(null);
  const route = parseBoardRoute(usePathname());
  // The socket lives as long as the session; a new callback identity must not reconnect it.
  const signedOut = useRef(onSignedOut);
  signedOut.current = onSignedOut;

  useEffect(() => {
    api.setCsrf(session.csrf_token);
    // Audio may start only after a gesture: the sign-in click counts; a restored session has none,
    // so the sound may be blocked (AlarmBanner then offers "enable sound"); any first gesture unlocks it too.
    if (!getPrefs().muted) alarm.unlock();
    const unlock = () => !getPrefs().muted && alarm.unlock();
    window.addEventListener('pointerdown', unlock, { once: true });
    window.addEventListener('keydown', unlock, { once: true });
    const stream = new BoardStream(store, { onUnauthorized: () => signedOut.current() });
    const stopAlarm = followAlarm(store, alarm, (i) => `${t(getPrefs().lang, 'alarm')}: ${i.title[getPrefs().lang]}`);
    stream.open();
    Promise.all([api.agencies(), api.systems()]).then(
      ([agencies, systems]) => store.setCatalog(agencies, systems),
      (err: unknown) => setCatalogError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      window.removeEventListener('pointerdown', unlock);
      window.removeEventListener('keydown', unlock);
      stopAlarm();
      stream.close();
      alarm.dispose();
    };
  }, [store, alarm, session.csrf_token]);

  const signOut = useCallback(() => {
    api.logout().finally(() => signedOut.current());
  }, []);
  const open = useCallback((id: number) => setOpenIncident(id), []);
  const close = useCallback(() => setOpenIncident(null), []);

  return (
    <BoardStoreContext.Provider value={store}>
      <ViewerContext.Provider value={viewer}>
        <div className={`board${wall ? ' wall' : ''}`} data-testid="board">
          {!wall && <BoardHeader user={session.user} onSignOut={signOut} />}
          {wall && <WallStrip />}
          <AlarmBanner alarm={alarm} />
          {catalogError && <p role="alert" className="error">{t(lang, 'loadFailed')}: {catalogError}</p>}
          <main className="board-body">
            {route.page === 'system' && <SystemPage code={route.code} onOpenIncident={open} />}
            {route.page === 'agency' && <AgencyPage code={route.code} onOpenIncident={open} />}
            {route.page === 'reportCard' && <ReportCardPage code={route.code} />}
            {route.page === 'scores' && <ScoreRankingPage />}
            {route.page === 'deadLetters' && <DeadLettersPage />}
            {(route.page === 'overview' || route.page === 'unknown') && (
              <div className="board-main">
                <NationalOverview />
                <IncidentFeed onOpen={open} />
              </div>
            )}
          </main>
          {openIncident !== null && !wall && <IncidentPanel id={openIncident} onClose={close} />}
        </div>
      </ViewerContext.Provider>
    </BoardStoreContext.Provider>
  );
}
