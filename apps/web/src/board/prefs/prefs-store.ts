import { useSyncExternalStore } from 'react';
import { initialLang, Lang } from '../../i18n';

export type Theme = 'light' | 'dark';

export interface Prefs {
  lang: Lang;
  theme: Theme;
  muted: boolean;
  wall: boolean;
}

const storage = (): Storage | null => (typeof localStorage === 'undefined' ? null : localStorage);

function initialTheme(): Theme {
  const saved = storage()?.getItem('kuzet.theme');
  if (saved === 'light' || saved === 'dark') return saved;
  return typeof matchMedia !== 'undefined' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function initialWall(): boolean {
  return typeof location !== 'undefined' && new URLSearchParams(location.search).get('wall') === '1';
}

let prefs: Prefs = {
  lang: initialLang(),
  theme: initialTheme(),
  muted: storage()?.getItem('kuzet.muted') === '1',
  wall: initialWall(),
};
const listeners = new Set<() => void>();

/** Persisted viewer preferences (language, theme, alarm sound); wall mode lives in the URL. */
export function setPrefs(patch: Partial<Prefs>): void {
  prefs = { ...prefs, ...patch };
  const s = storage();
  if (patch.lang) s?.setItem('kuzet.lang', patch.lang);
  if (patch.theme) s?.setItem('kuzet.theme', patch.theme);
  if (patch.muted !== undefined) s?.setItem('kuzet.muted', patch.muted ? '1' : '0');
  for (const l of listeners) l();
}

export const getPrefs = (): Prefs => prefs;

export function usePrefs(): Prefs {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    getPrefs,
  );
}
