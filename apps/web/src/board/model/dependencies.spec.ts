import { dependentsIndex, downstreamOf } from './dependencies';

describe('dependencies', () => {
  const systems = [
    { code: 'egov-gateway', depends_on: ['gbd-fl'] },
    { code: 'egov-portal', depends_on: ['egov-gateway'] },
    { code: 'egov-mobile', depends_on: ['egov-gateway'] },
    { code: 'damumed', depends_on: ['egov-portal', 'gbd-fl'] },
    { code: 'gbd-fl', depends_on: [] },
    { code: 'loop-a', depends_on: ['loop-b'] },
    { code: 'loop-b', depends_on: ['loop-a'] },
  ];
  const index = dependentsIndex(systems);

  it('reverses depends_on into direct dependents', () => {
    expect(index.get('egov-gateway')).toEqual(['egov-mobile', 'egov-portal']);
    expect(index.get('damumed')).toBeUndefined();
  });

  it('lists everything an outage breaks downstream, each once, nearest first', () => {
    expect(downstreamOf('gbd-fl', index)).toEqual([
      { code: 'damumed', depth: 1 },
      { code: 'egov-gateway', depth: 1 },
      { code: 'egov-mobile', depth: 2 },
      { code: 'egov-portal', depth: 2 },
    ]);
    expect(downstreamOf('damumed', index)).toEqual([]);
  });

  it('survives a cycle in the catalog', () => {
    expect(downstreamOf('loop-a', index)).toEqual([{ code: 'loop-b', depth: 1 }]);
  });
});
