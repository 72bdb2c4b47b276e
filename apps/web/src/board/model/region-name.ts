import { type Lang, tOr } from '../../i18n';

/** A probe region code in words ("local" -> "local probe"); a region without a label keeps its code. */
export const regionName = (lang: Lang, region: string): string => tOr(lang, `region.${region}`, region);
