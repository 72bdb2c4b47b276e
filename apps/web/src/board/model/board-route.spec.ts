import { agencyPath, DEAD_LETTERS_PATH, incidentFromSearch, parseBoardRoute, reportCardPath, SCORES_PATH, systemPath } from './board-route';

describe('parseBoardRoute', () => {
  it('knows the board pages and round-trips their paths', () => {
    expect(parseBoardRoute('/board')).toEqual({ page: 'overview' });
    expect(parseBoardRoute('/board/')).toEqual({ page: 'overview' });
    expect(parseBoardRoute(systemPath('egov-portal'))).toEqual({ page: 'system', code: 'egov-portal' });
    expect(parseBoardRoute(agencyPath('mf'))).toEqual({ page: 'agency', code: 'mf' });
    expect(parseBoardRoute('/board/nope/x/y')).toEqual({ page: 'unknown' });
    expect(parseBoardRoute('/status')).toEqual({ page: 'unknown' });
    expect(parseBoardRoute(DEAD_LETTERS_PATH)).toEqual({ page: 'deadLetters' });
    expect(parseBoardRoute(SCORES_PATH)).toEqual({ page: 'scores' });
    expect(parseBoardRoute(reportCardPath('mf'))).toEqual({ page: 'reportCard', code: 'mf' });
    expect(parseBoardRoute('/board/agencies/mf/other')).toEqual({ page: 'unknown' });
  });

  it("reads the incident of an alert's link", () => {
    expect(incidentFromSearch('?incident=42')).toBe(42);
    expect(incidentFromSearch('?incident=0')).toBeNull();
    expect(incidentFromSearch('?incident=4x')).toBeNull();
    expect(incidentFromSearch('')).toBeNull();
  });
});
