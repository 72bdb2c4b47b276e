import { planRows, StoredRow } from './row-plan';
import { canonicalJson, sameValue } from './same-value';

interface Row extends StoredRow {
  code: string;
  name: string;
  options: Record<string, unknown>;
  intervalS: number | string;
}

const row = (id: number, code: string, extra: Partial<Row> = {}): Row => ({
  id,
  code,
  name: code.toUpperCase(),
  options: { a: 1, b: [1, 2] },
  intervalS: 30,
  source: 'folder',
  enabled: true,
  ...extra,
});
const want = (code: string, extra: Record<string, unknown> = {}) => ({
  key: code,
  columns: {
    code,
    name: code.toUpperCase(),
    options: { b: [1, 2], a: 1 },
    intervalS: 30,
    enabled: true,
    ...extra,
  },
});

describe('planRows', () => {
  it('plans nothing for a catalog stored exactly so', () => {
    const plan = planRows({
      existing: [row(1, 'a'), row(2, 'b', { intervalS: '30' })],
      desired: [want('a'), want('b')],
      keyOf: (r) => r.code,
      scope: 'full',
      source: 'folder',
    });
    expect(plan.inserts).toEqual([]);
    expect(plan.updates).toEqual([]);
    expect(plan.disables).toEqual([]);
    expect(plan.counts).toEqual({ added: 0, updated: 0, disabled: 0, unchanged: 2 });
  });

  it('adds, updates only changed columns, disables folder rows that are gone', () => {
    const plan = planRows({
      existing: [
        row(1, 'a'),
        row(2, 'b'),
        row(3, 'gone'),
        row(4, 'api-made', { source: 'api' }),
        row(5, 'old', { enabled: false }),
      ],
      desired: [want('a', { name: 'Renamed' }), want('b'), want('new')],
      keyOf: (r) => r.code,
      scope: 'full',
      source: 'folder',
    });
    expect(plan.inserts).toEqual([{ key: 'new', columns: { ...want('new').columns, source: 'folder' } }]);
    expect(plan.updates).toEqual([{ id: 1, key: 'a', changes: { name: 'Renamed' } }]);
    // api-made is not the folder's to disable; old is already disabled.
    expect(plan.disables).toEqual([{ id: 3, key: 'gone' }]);
    expect(plan.counts).toEqual({ added: 1, updated: 1, disabled: 1, unchanged: 1 });
  });

  it('re-enables a reappearing row and takes over an api row the folder now defines', () => {
    const plan = planRows({
      existing: [row(1, 'back', { enabled: false }), row(2, 'taken', { source: 'api' })],
      desired: [want('back'), want('taken')],
      keyOf: (r) => r.code,
      scope: 'full',
      source: 'folder',
    });
    expect(plan.updates).toEqual([
      { id: 1, key: 'back', changes: { enabled: true } },
      { id: 2, key: 'taken', changes: { source: 'folder' } },
    ]);
    expect(plan.counts.updated).toBe(2);
  });

  it('partial scope touches only the given rows, keeps sources, disables on request', () => {
    const plan = planRows({
      existing: [row(1, 'folder-row'), row(2, 'other'), row(3, 'off', { enabled: false })],
      desired: [want('folder-row', { name: 'Edited' }), want('fresh')],
      keyOf: (r) => r.code,
      scope: 'partial',
      source: 'api',
      disable: new Set(['other', 'off']),
    });
    expect(plan.inserts[0].columns).toMatchObject({ source: 'api' });
    expect(plan.updates).toEqual([{ id: 1, key: 'folder-row', changes: { name: 'Edited' } }]);
    expect(plan.disables).toEqual([{ id: 2, key: 'other' }]);
    expect(plan.counts).toEqual({ added: 1, updated: 1, disabled: 1, unchanged: 1 });
  });
});

describe('sameValue', () => {
  it('compares the forms the database returns', () => {
    expect(sameValue('99.900', 99.9)).toBe(true);
    expect(sameValue(new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00.000Z'))).toBe(true);
    expect(sameValue(new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:01Z'))).toBe(false);
    expect(sameValue({ b: 1, a: { d: 2, c: 3 } }, { a: { c: 3, d: 2 }, b: 1 })).toBe(true);
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameValue(null, undefined)).toBe(true);
    expect(sameValue(null, 0)).toBe(false);
    expect(sameValue('x', 'y')).toBe(false);
    expect(canonicalJson({ b: [{ z: 1, y: 2 }], a: null })).toBe('{"a":null,"b":[{"y":2,"z":1}]}');
  });
});
