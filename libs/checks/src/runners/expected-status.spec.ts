import { DEFAULT_EXPECTED_STATUS, parseExpectedStatus, statusExpected } from './expected-status';

describe('expected status', () => {
  it('defaults to 200-399', () => {
    const r = parseExpectedStatus(undefined);
    expect(r).toBe(DEFAULT_EXPECTED_STATUS);
    expect(statusExpected(200, r)).toBe(true);
    expect(statusExpected(302, r)).toBe(true);
    expect(statusExpected(404, r)).toBe(false);
    expect(statusExpected(503, r)).toBe(false);
  });

  it('reads numbers, ranges, Nxx and lists', () => {
    const r = parseExpectedStatus([200, '401-403', '5xx', '204']);
    expect([200, 204, 401, 402, 403, 500, 599].every((s) => statusExpected(s, r))).toBe(true);
    expect([201, 400, 404, 302].some((s) => statusExpected(s, r))).toBe(false);
  });

  it('falls back to the default for unreadable input', () => {
    expect(parseExpectedStatus('nonsense')).toBe(DEFAULT_EXPECTED_STATUS);
  });
});
