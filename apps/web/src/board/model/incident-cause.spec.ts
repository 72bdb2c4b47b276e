import { causeSummary } from './incident-cause';

const check = (code: string, error: string, regions: string[]) => ({
  checkId: 1,
  checkCode: code,
  checkType: 'http',
  role: 'primary' as const,
  outcome: 2 as const,
  regions,
  errorClass: null,
  httpStatus: null,
  error,
  firstFailureAt: 0,
});

describe('causeSummary', () => {
  it('names each failing check, its first error and regions', () => {
    expect(causeSummary({ checks: [check('https', 'HTTP 503', ['almaty', 'astana']), check('dns', 'NXDOMAIN', ['local'])] })).toBe(
      'https: HTTP 503 (almaty, astana); dns: NXDOMAIN (local)',
    );
  });
  it('is null without a cause, and shortens a long list', () => {
    expect(causeSummary(null)).toBeNull();
    expect(causeSummary({ checks: [] })).toBeNull();
    const many = { checks: ['a', 'b', 'c', 'd', 'e'].map((c) => check(c, 'timeout after 3 s', ['local'])) };
    expect(causeSummary(many)).toMatch(/; \+2$/);
  });
});
