import { overviewRows, problemRank } from './overview-rows';

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

  describe('wall mode: problems first', () => {
    const fleet = [
      { code: 'a-ok', agency: 'a', tier: 'critical' },
      { code: 'b-ok', agency: 'b', tier: 'critical' },
      { code: 'b-slow', agency: 'b', tier: 'normal' },
      { code: 'b-down', agency: 'b', tier: 'internal' },
      { code: 'c-maint', agency: 'c', tier: 'high' },
      { code: 'd-new', agency: 'd', tier: 'normal' },
      { code: 'e-part', agency: 'e', tier: 'normal' },
      { code: 'e-ok', agency: 'e', tier: 'critical' },
    ];
    const status: Record<string, string | null> = {
      'a-ok': 'operational',
      'b-ok': 'operational',
      'b-slow': 'degraded_performance',
      'b-down': 'major_outage',
      'c-maint': 'under_maintenance',
      'd-new': null,
      'e-part': 'partial_outage',
      'e-ok': 'operational',
    };
    const rank = (code: string) => problemRank(status[code]);
    const tiles = (rows: ReturnType<typeof overviewRows>) => rows.flatMap((r) => (r.kind === 'tiles' ? r.codes : []));
    const agencies = (rows: ReturnType<typeof overviewRows>) => rows.flatMap((r) => (r.kind === 'agency' ? [r.agency] : []));

    it('ranks outages, then degradation, then maintenance; operational and no data alike', () => {
      expect(['major_outage', 'partial_outage', 'degraded_performance', 'under_maintenance', 'operational', null, 'bogus'].map(problemRank)).toEqual([0, 1, 2, 3, 4, 4, 4]);
    });

    it('puts agencies by their worst system, then their problem systems first (tier only among equals)', () => {
      const rows = overviewRows(['a', 'b', 'c', 'd', 'e'], fleet, 10, rank);
      expect(agencies(rows)).toEqual(['b', 'e', 'c', 'a', 'd']);
      expect(tiles(rows)).toEqual(['b-down', 'b-slow', 'b-ok', 'e-part', 'e-ok', 'c-maint', 'a-ok', 'd-new']);
    });

    it('keeps the catalog order when nothing is wrong, and follows a change of status', () => {
      const healthy = (code: string) => problemRank(code === 'd-new' ? null : 'operational');
      expect(overviewRows(['a', 'b', 'c', 'd', 'e'], fleet, 10, healthy)).toEqual(overviewRows(['a', 'b', 'c', 'd', 'e'], fleet, 10));
      const dDown = (code: string) => (code === 'd-new' ? problemRank('major_outage') : healthy(code));
      expect(agencies(overviewRows(['a', 'b', 'c', 'd', 'e'], fleet, 10, dDown))).toEqual(['d', 'a', 'b', 'c', 'e']);
    });
  });
});
