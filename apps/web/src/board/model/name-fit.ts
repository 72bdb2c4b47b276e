/** Width of a text in CSS pixels in a CSS font (e.g. "600 13.6px system-ui"). */
export type MeasureText = (text: string, font: string) => number;

/**
 * The name a tile shows: the full name when it fits the width, else the catalog's short name
 * (never a full name cut off mid-word). Without a short name, the full name (CSS then ends it
 * with an ellipsis, and the title and accessible name still carry all of it).
 */
export function pickName(full: string, short: string | null | undefined, maxWidth: number, font: string, measure: MeasureText): string {
  if (!short || short === full) return full;
  return measure(full, font) <= maxWidth ? full : short;
}

/** A rough width where no canvas exists (tests, very old browsers): an average glyph is ~0.6 em. */
export const estimateText: MeasureText = (text, font) => text.length * 0.6 * (Number(/([\d.]+)px/.exec(font)?.[1]) || 16);

let context: CanvasRenderingContext2D | null | undefined;
const widths = new Map<string, number>();

/** Measures with a 2D canvas (no layout), cached per font and text. */
export const measureText: MeasureText = (text, font) => {
  const key = `${font}\u0000${text}`;
  const known = widths.get(key);
  if (known !== undefined) return known;
  if (context === undefined) context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  let width: number;
  if (context) {
    context.font = font;
    width = context.measureText(text).width;
  } else width = estimateText(text, font);
  widths.set(key, width);
  return width;
};

/** The page's font family, read once (the CSS sets it on :root). */
let family: string | undefined;
export const pageFont = (weight: number, px: number): string => {
  family ??= typeof document === 'undefined' ? 'sans-serif' : getComputedStyle(document.documentElement).fontFamily || 'sans-serif';
  return `${weight} ${px}px ${family}`;
};
