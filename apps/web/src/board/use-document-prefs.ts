import { useEffect } from 'react';
import { setPrefs, usePrefs } from './prefs/prefs-store';

/** Mirrors language, theme and wall mode onto <html>; Escape leaves wall mode. */
export function useDocumentPrefs(): void {
  const { lang, theme, wall } = usePrefs();
  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dataset.theme = theme;
    document.documentElement.classList.toggle('wall', wall);
  }, [lang, theme, wall]);
  useEffect(() => {
    if (!wall) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setPrefs({ wall: false });
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [wall]);
}
