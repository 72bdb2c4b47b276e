import { agencyPath, parseBoardRoute, systemPath } from './board-route';

describe('parseBoardRoute', () => {
  it('knows the board pages and round-trips their paths', () => {
    expect(parseBoardRoute('/board')).toEqual({ page: 'overview' });
    expect(parseBoardRoute('/board/')).toEqual({ page: 'overview' });
    expect(parseBoardRoute(systemPath('egov-portal'))).toEqual({ page: 'system', code: 'egov-portal' });
    expect(parseBoardRoute(agencyPath('mf'))).toEqual({ page: 'agency', code: 'mf' });
    expect(parseBoardRoute('/board/nope/x/y')).toEqual({ page: 'unknown' });
    expect(parseBoardRoute('/status')).toEqual({ page: 'unknown' });
  });
});
