import { overviewRows } from './overview-rows';

describe('overviewRows', () => {
  const systems = [
    { code: 'b2', agency: 'b', tier: 'normal' },
    { code: 'a1', agency: 'a', tier: 'normal' },
    { code: 'a2', agency: 'a', tier: 'critical' },
    { code: 'a3', agency: 'a', tier: 'high' },
    { code: 'x1', agency: 'x', tier: 'normal' },
  ];

  it('groups by agency in catalog order, most important tier first, cut into lines', () => {
    expect(overviewRows(['a', 'b', 'empty'], systems, 2)).toEqual([
      { kind: 'agency', agency: 'a', count: 3 },
      { kind: 'tiles', agency: 'a', codes: ['a2', 'a3'] },
      { kind: 'tiles', agency: 'a', codes: ['a1'] },
      { kind: 'agency', agency: 'b', count: 1 },
      { kind: 'tiles', agency: 'b', codes: ['b2'] },
      { kind: 'agency', agency: 'x', count: 1 },
      { kind: 'tiles', agency: 'x', codes: ['x1'] },
    ]);
  });

  it('keeps at least one column and scales to 2,000 systems', () => {
    expect(overviewRows(['a'], systems.slice(1, 3), 0).filter((r) => r.kind === 'tiles')).toHaveLength(2);
    const many = Array.from({ length: 2000 }, (_, n) => ({ code: `s${n}`, agency: `a${n % 40}`, tier: 'normal' }));
    const rows = overviewRows([], many, 7);
    expect(rows.filter((r) => r.kind === 'agency')).toHaveLength(40);
    expect(rows.flatMap((r) => (r.kind === 'tiles' ? r.codes : []))).toHaveLength(2000);
  });

  it('keeps the catalog order of agencies whatever the statuses (it does not read them)', () => {
    const rows = overviewRows(['x', 'b', 'a'], systems, 10);
    expect(rows.filter((r) => r.kind === 'agency').map((r) => r.agency)).toEqual(['x', 'b', 'a']);
  });
});
