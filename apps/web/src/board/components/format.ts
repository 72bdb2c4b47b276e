import type { Lang } from '../../i18n';

const LOCALES: Record<Lang, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

/** Local time in Asia/Almaty, the situation centre's clock. */
export function formatTime(iso: string | null | undefined, lang: Lang, withDate = true): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(LOCALES[lang], {
    timeZone: 'Asia/Almaty',
    ...(withDate ? { day: '2-digit', month: '2-digit' } : {}),
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

export const formatPercent = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(v >= 0.9995 && v < 1 ? 3 : 2)}%`);
