import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { SessionUser } from '@kuzet/contracts/auth/auth-api';
import { BoardStore, keys } from './board-store';

export const BoardStoreContext = createContext<BoardStore | null>(null);

export function useBoardStore(): BoardStore {
  const store = useContext(BoardStoreContext);
  if (!store) throw new Error('BoardStoreContext missing');
  return store;
}

/** Subscribes to one store key only: the component re-renders when that entity changes, not others. */
function useKey<T>(key: string, read: () => T): T {
  const store = useBoardStore();
  const subscribe = useCallback((l: () => void) => store.subscribe(key, l), [store, key]);
  return useSyncExternalStore(subscribe, read);
}

export function useSystemStatus(code: string) {
  const store = useBoardStore();
  return useKey(keys.system(code), () => store.system(code));
}
export function useSystemSummary(code: string) {
  const store = useBoardStore();
  return useKey(keys.summary(code), () => store.summary(code));
}
export function useIncident(id: number) {
  const store = useBoardStore();
  return useKey(keys.incident(id), () => store.incident(id));
}
export function useIncidentIds() {
  const store = useBoardStore();
  return useKey(keys.incidentList, store.incidentList);
}
export function useNationalCounts() {
  const store = useBoardStore();
  return useKey(keys.nationalCounts, store.nationalCounts);
}
export function useCatalog() {
  const store = useBoardStore();
  return useKey(keys.catalog, store.catalog);
}
export function useConnection() {
  const store = useBoardStore();
  return useKey(keys.connection, store.connection);
}
/** The systems with a problem, most urgent first; re-renders only when that list changes. */
export function useProblemSystems() {
  const store = useBoardStore();
  return useKey(keys.problems, store.problemSystems);
}
/** A value derived from the problem list (e.g. its length): re-renders only when the value changes. */
export function useProblemsSelector<T>(select: (codes: readonly string[]) => T): T {
  const store = useBoardStore();
  return useKey(keys.problems, () => select(store.problemSystems()));
}
/** Grows on every score.updated (of `agency`, or of any agency without one): a cue to refetch scores. */
export function useScoreVersion(agency?: string): number {
  const store = useBoardStore();
  const key = agency === undefined ? keys.scores : keys.score(agency);
  return useKey(key, () => store.version(key));
}
/** Re-renders on any change in the agency (one of its systems or incidents). */
export function useAgencyVersion(agency: string): number {
  const store = useBoardStore();
  const key = keys.agency(agency);
  return useKey(key, () => store.version(key));
}

/** The signed-in user and what they may do. */
export interface Viewer {
  user: SessionUser;
  canAct: (agency: string) => boolean;
}
export const ViewerContext = createContext<Viewer | null>(null);
export function useViewer(): Viewer {
  const v = useContext(ViewerContext);
  if (!v) throw new Error('ViewerContext missing');
  return v;
}
export function viewerFor(user: SessionUser): Viewer {
  return {
    user,
    canAct: (agency) =>
      user.role === 'admin' || user.role === 'duty_officer' || (user.role === 'agency_operator' && user.agency === agency),
  };
}
