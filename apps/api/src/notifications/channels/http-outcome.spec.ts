import { httpOutcome } from './http-outcome';

describe('httpOutcome', () => {
  it.each([
    [200, undefined, { ok: true, detail: 'HTTP 200' }],
    [204, undefined, { ok: true, detail: 'HTTP 204' }],
    [410, undefined, { ok: false, retryable: false, gone: true, error: 'HTTP 410' }],
    [429, 5000, { ok: false, retryable: true, retryAfterMs: 5000, error: 'HTTP 429' }],
    [503, 0, { ok: false, retryable: true, retryAfterMs: 0, error: 'HTTP 503' }],
    [503, undefined, { ok: false, retryable: true, error: 'HTTP 503' }],
    [500, 9000, { ok: false, retryable: true, error: 'HTTP 500' }],
    [408, undefined, { ok: false, retryable: true, error: 'HTTP 408' }],
    [400, undefined, { ok: false, retryable: false, error: 'HTTP 400' }],
    [401, undefined, { ok: false, retryable: false, error: 'HTTP 401' }],
    [302, undefined, { ok: false, retryable: false, error: 'HTTP 302 (redirects are not followed)' }],
  ])('maps %i (Retry-After %p)', (status, retryAfter, expected) => {
    expect(httpOutcome(status, retryAfter)).toEqual(expected);
  });
});
