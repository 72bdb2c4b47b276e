import type { PublicStatus } from '../catalog/catalog-enums';
import { publicOverall } from './public-overall';

const many = (n: number, value: PublicStatus | null): (PublicStatus | null)[] => Array<PublicStatus | null>(n).fill(value);

describe('publicOverall (the public overall status)', () => {
  it.each<[string, (PublicStatus | null)[], PublicStatus | null, number]>([
    ['every system operational', ['operational', 'operational'], 'operational', 0],
    ['7 operational, 30 without data: unknown, not operational', [...many(7, 'operational'), ...many(30, null)], null, 30],
    ['one operational, one without data', ['operational', null], null, 1],
    ['no system has data', [null, null, null], null, 3],
    ['no systems at all', [], null, 0],
    ['an outage among systems without data leads', [null, 'major_outage', null, 'operational'], 'major_outage', 2],
    ['the worst known trouble wins', ['degraded_performance', 'partial_outage', null], 'partial_outage', 1],
    ['degraded alone among unknowns', [null, 'degraded_performance'], 'degraded_performance', 1],
    ['a system under maintenance is not "all working"', ['operational', 'under_maintenance'], 'under_maintenance', 0],
    ['maintenance with systems without data', ['under_maintenance', null, 'operational'], 'under_maintenance', 1],
    ['trouble wins over maintenance', ['under_maintenance', 'degraded_performance'], 'degraded_performance', 0],
    ['all under maintenance', ['under_maintenance'], 'under_maintenance', 0],
  ])('%s', (_, statuses, overall, withoutData) => {
    expect(publicOverall(statuses)).toEqual({ overall, systems_without_data: withoutData });
  });
});
