import { flowRows, problemBand, wallLayout, WALL_MATRIX, WALL_TILES } from './wall-layout';

const used = (n: number, size: number, gap: number) => n * size + (n - 1) * gap;

describe('wall layout', () => {
  it('counts the lines of a flow: labels never break across lines, cells do', () => {
    expect(flowRows([3], 10, 2)).toBe(1);
    expect(flowRows([8], 10, 2)).toBe(1);
    expect(flowRows([9], 10, 2)).toBe(2);
    // second label needs 2 columns, 1 is left: it opens a new line
    expect(flowRows([7, 1], 10, 2)).toBe(2);
    expect(flowRows([0, 3, 0], 10, 2)).toBe(1);
    expect(flowRows([], 10, 2)).toBe(0);
  });

  it('gives the 37-system demo (15 agencies) readable tiles on a 1920×1080 wall, inside the box', () => {
    const groups = [3, 6, 4, 3, 1, 2, 2, 3, 3, 1, 1, 2, 2, 1, 3];
    expect(groups.reduce((a, b) => a + b)).toBe(37);
    const box = { width: 1400, height: 880 };
    const l = wallLayout(groups, box.width, box.height);
    expect(l.kind).toBe('tiles');
    expect(l.fits).toBe(true);
    expect(l.cellHeight).toBeGreaterThanOrEqual(WALL_TILES.minHeight);
    expect(l.cellWidth).toBeGreaterThanOrEqual(WALL_TILES.minWidth);
    expect(l.rows).toBe(flowRows(groups, l.columns, 1));
    expect(used(l.columns, l.cellWidth, l.gap)).toBeLessThanOrEqual(box.width);
    expect(used(l.rows, l.cellHeight, l.gap)).toBeLessThanOrEqual(box.height);
  });

  it('falls back to a dense matrix for 2,000 systems in 100 agencies, still inside the box', () => {
    const groups = Array.from({ length: 100 }, () => 20);
    const box = { width: 1400, height: 800 };
    const l = wallLayout(groups, box.width, box.height);
    expect(l.kind).toBe('matrix');
    expect(l.fits).toBe(true);
    expect(l.cellWidth).toBeGreaterThanOrEqual(10);
    expect(l.labelSpan * (l.cellWidth + l.gap) - l.gap).toBeGreaterThanOrEqual(WALL_MATRIX.labelWidth);
    expect(used(l.columns, l.cellWidth, l.gap)).toBeLessThanOrEqual(box.width);
    expect(used(l.rows, l.cellHeight, l.gap)).toBeLessThanOrEqual(box.height);
    // the biggest cell that fits: one pixel more does not
    const bigger = l.cellWidth + 1;
    const columns = Math.floor((box.width + l.gap) / (bigger + l.gap));
    const label = Math.ceil((WALL_MATRIX.labelWidth + l.gap) / (bigger + l.gap));
    expect(used(flowRows(groups, columns, label), bigger, l.gap)).toBeGreaterThan(box.height);
  });

  it('grows the cells when the box grows, and says when nothing fits', () => {
    const groups = Array.from({ length: 100 }, () => 20);
    expect(wallLayout(groups, 1900, 1000).cellWidth).toBeGreaterThan(wallLayout(groups, 1000, 600).cellWidth);
    expect(wallLayout(groups, 200, 100).fits).toBe(false);
  });

  it('sizes the problems band: up to two lines of cards, none without problems', () => {
    expect(problemBand(0, 1400)).toMatchObject({ rows: 0, capacity: 0 });
    expect(problemBand(3, 1400)).toEqual({ columns: 4, rows: 1, capacity: 4 });
    expect(problemBand(50, 1400)).toEqual({ columns: 4, rows: 2, capacity: 8 });
  });
});
