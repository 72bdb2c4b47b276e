/**
 * The wall display's grid, computed from the fleet and the space it has: the whole fleet on one
 * screen, no scrolling. Systems flow in one CSS grid in agency order; each agency opens with a
 * label cell spanning `labelSpan` columns (a label never breaks across lines, so it may leave a
 * gap at the end of a line). Readable tiles (icon, name, status in words) when they fit at a
 * readable size; otherwise a dense matrix of square cells (status by colour and icon shape).
 */
export type WallLayoutKind = 'tiles' | 'matrix';

export interface WallLayout {
  kind: WallLayoutKind;
  columns: number;
  rows: number;
  cellWidth: number;
  cellHeight: number;
  gap: number;
  labelSpan: number;
  /** False only when even the smallest matrix cell is too big (then the grid is as small as it gets). */
  fits: boolean;
}

export const WALL_TILES = { maxHeight: 120, minHeight: 52, aspect: 3, minWidth: 150, gap: 8, stretch: 1.4 } as const;
export const WALL_MATRIX = { maxCell: 48, minCell: 6, gap: 2, labelWidth: 84 } as const;

/** Lines a flow of agencies takes: each a label of `labelSpan` columns, then its `count` cells. */
export function flowRows(groups: readonly number[], columns: number, labelSpan: number): number {
  let rows = 0;
  let col = columns; // "line full": the first label opens the first line
  for (const count of groups) {
    if (count <= 0) continue;
    if (col + labelSpan > columns) {
      rows += 1;
      col = 0;
    }
    col += labelSpan;
    let left = count;
    while (left > 0) {
      if (col >= columns) {
        rows += 1;
        col = 0;
      }
      const take = Math.min(columns - col, left);
      col += take;
      left -= take;
    }
  }
  return rows;
}

const span = (n: number, size: number, gap: number) => n * size + Math.max(0, n - 1) * gap;
const fitCount = (length: number, size: number, gap: number) => Math.max(0, Math.floor((length + gap) / (size + gap)));

function tilesLayout(groups: readonly number[], width: number, height: number): WallLayout | null {
  const { gap } = WALL_TILES;
  for (let h = WALL_TILES.maxHeight; h >= WALL_TILES.minHeight; h -= 2) {
    const w = Math.max(WALL_TILES.minWidth, Math.round(h * WALL_TILES.aspect));
    const columns = fitCount(width, w, gap);
    if (columns < 1) continue;
    const rows = flowRows(groups, columns, 1);
    if (span(rows, h, gap) > height) continue;
    // Use the space there is: the full width, and up to a little more height.
    const cellWidth = Math.floor((width - (columns - 1) * gap) / columns);
    const cellHeight = Math.min(Math.floor((height - Math.max(0, rows - 1) * gap) / Math.max(1, rows)), Math.round(h * WALL_TILES.stretch));
    return { kind: 'tiles', columns, rows, cellWidth, cellHeight, gap, labelSpan: 1, fits: true };
  }
  return null;
}

function matrixLayout(groups: readonly number[], width: number, height: number): WallLayout {
  const { gap } = WALL_MATRIX;
  let last: WallLayout | null = null;
  for (let s = WALL_MATRIX.maxCell; s >= WALL_MATRIX.minCell; s -= 1) {
    const columns = fitCount(width, s, gap);
    const labelSpan = Math.max(1, Math.ceil((WALL_MATRIX.labelWidth + gap) / (s + gap)));
    if (columns < labelSpan) continue;
    const rows = flowRows(groups, columns, labelSpan);
    last = { kind: 'matrix', columns, rows, cellWidth: s, cellHeight: s, gap, labelSpan, fits: span(rows, s, gap) <= height };
    if (last.fits) return last;
  }
  return last ?? { kind: 'matrix', columns: 1, rows: groups.reduce((a, b) => a + b + 1, 0), cellWidth: WALL_MATRIX.minCell, cellHeight: WALL_MATRIX.minCell, gap, labelSpan: 1, fits: false };
}

/** @param groups systems per agency, in display order; width/height: the grid's box in CSS pixels */
export function wallLayout(groups: readonly number[], width: number, height: number): WallLayout {
  return tilesLayout(groups, width, height) ?? matrixLayout(groups, width, height);
}

export const WALL_BAND = { cardWidth: 300, cardHeight: 64, gap: 8, maxRows: 2 } as const;

/** The problems band above the grid: how many cards a line, how many lines, how many cards in all. */
export function problemBand(problems: number, width: number): { columns: number; rows: number; capacity: number } {
  const columns = Math.max(1, fitCount(width, WALL_BAND.cardWidth, WALL_BAND.gap));
  const rows = Math.min(WALL_BAND.maxRows, Math.ceil(problems / columns));
  return { columns, rows, capacity: rows * columns };
}
