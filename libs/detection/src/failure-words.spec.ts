import fc from 'fast-check';
import { CheckOutcome } from '@kuzet/contracts';
import type { ErrorClass } from '@kuzet/contracts';
import { describeFailure, FAILURE_PHRASES, FAILURE_WORDS_PATTERN, FailureInput } from './failure-words';

const down = (errorClass: ErrorClass | null, message: string | null, more: Partial<FailureInput> = {}) =>
  describeFailure({ errorClass, statusCode: null, message, outcome: CheckOutcome.Down, ...more });

describe('describeFailure', () => {
  it.each<[ErrorClass | null, string, string]>([
    ['connect', 'connect ECONNREFUSED 127.0.0.1:4101', 'connection refused'],
    ['connect', 'read ECONNRESET', 'connection reset'],
    ['connect', 'write EPIPE', 'connection reset'],
    ['connect', 'the connection closed mid-response', 'connection reset'],
    ['connect', 'connect EHOSTUNREACH 10.1.2.3:443', 'host unreachable'],
    ['connect', 'connect ENETUNREACH 2001:db8::1:443', 'host unreachable'],
    [
      'connect',
      'refused by the probe network policy, nothing was connected: 169.254.169.254 is link-local',
      'refused by the probe network policy',
    ],
    ['connect', 'not a valid URL: "http//x"', 'invalid target'],
    ['connect', 'ETIMEOUT: queryA ETIMEOUT egov.kz', 'timeout'],
    ['connect', 'ERR_SOMETHING: strange things at https://egov.kz/x', 'connection failed'],
    ['dns', 'queryA ENOTFOUND x', 'NXDOMAIN'],
    ['dns', 'cannot resolve egov.kz: getaddrinfo ENOTFOUND egov.kz', 'NXDOMAIN'],
    ['dns', 'queryA ESERVFAIL egov.kz', 'SERVFAIL'],
    ['dns', 'egov.kz A: rcode SERVFAIL, expected NOERROR', 'SERVFAIL'],
    ['dns', 'egov.kz A: rcode NXDOMAIN, expected NOERROR', 'NXDOMAIN'],
    ['dns', 'egov.kz A: rcode REFUSED, expected NOERROR', 'DNS query refused'],
    ['dns', 'nxdomain.example A: rcode FORMERR, expected NOERROR', 'DNS failure'],
    ['dns', 'no resolver configured and the system has none', 'DNS failure'],
    ['tls', 'certificate has expired', 'certificate expired'],
    ['tls', 'certificate not trusted for egov.kz: CERT_HAS_EXPIRED', 'certificate expired'],
    ['tls', 'certificate not valid for 10.0.0.1: CERT_NOT_YET_VALID', 'certificate not yet valid'],
    ['tls', 'certificate is not yet valid', 'certificate not yet valid'],
    [
      'tls',
      'certificate not valid for self-signed.badssl.com: DEPTH_ZERO_SELF_SIGNED_CERT',
      'self-signed certificate',
    ],
    ['tls', 'self-signed certificate in certificate chain', 'self-signed certificate'],
    ['tls', 'self signed certificate', 'self-signed certificate'],
    [
      'tls',
      "Hostname/IP does not match certificate's altnames: Host: a.kz. is not in the cert's altnames: DNS:b.kz",
      'certificate name mismatch',
    ],
    ['tls', 'certificate not trusted for a.kz: ERR_TLS_CERT_ALTNAME_INVALID', 'certificate name mismatch'],
    ['tls', 'unable to verify the first certificate', 'untrusted certificate'],
    [
      'tls',
      'certificate not valid for expired.badssl.com: UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
      'untrusted certificate',
    ],
    [
      'tls',
      'Client network socket disconnected before secure TLS connection was established',
      'TLS handshake failed',
    ],
    ['tls', 'the server sent no certificate', 'TLS handshake failed'],
    ['status', 'HTTP 503, expected 200-399', 'HTTP 503'],
    ['status', 'more than 5 redirects (last to https://egov.kz/login)', 'too many redirects'],
    ['status', 'something odd', 'unexpected HTTP response'],
    ['assertion', 'condition failed: body contains "ok" (got <html>)', 'condition failed'],
    ['assertion', 'expected "PONG", got "ERR 10.0.0.1"', 'condition failed'],
    [null, 'connect ECONNREFUSED 127.0.0.1:4101', 'connection refused'],
    [null, 'HTTP 502, expected 200-399', 'HTTP 502'],
    [null, 'something nobody knows', 'unknown'],
  ])('%s %p -> %p', (errorClass, message, words) => {
    expect(down(errorClass, message)).toBe(words);
  });

  it('gives the status code of an HTTP failure', () => {
    expect(down('status', null, { statusCode: 503 })).toBe('HTTP 503');
    expect(down('status', 'HTTP 404, expected 200', { statusCode: 404 })).toBe('HTTP 404');
    expect(down('status', null, { statusCode: 999 })).toBe('unexpected HTTP response');
  });

  it('says how long a timeout waited, in seconds', () => {
    expect(down('timeout', 'no complete answer within 10000 ms')).toBe('timeout after 10 s');
    expect(down('timeout', 'no complete answer within 1500 ms')).toBe('timeout after 1.5 s');
    expect(down('timeout', 'no complete answer within 250 ms')).toBe('timeout after 0.25 s');
    expect(down('timeout', 'connect ETIMEDOUT 1.2.3.4:443', { timeoutMs: 10_000 })).toBe(
      'timeout after 10 s',
    );
    expect(down('timeout', 'connect ETIMEDOUT 1.2.3.4:443')).toBe('timeout');
    expect(down('timeout', null, { timeoutMs: 0 })).toBe('timeout');
  });

  it('names the outcome when there is no failure to describe', () => {
    const base = { errorClass: null, statusCode: null } as const;
    expect(
      describeFailure({
        ...base,
        outcome: CheckOutcome.Degraded,
        message: 'latency 1234 ms over the 1000 ms threshold',
      }),
    ).toBe('slow response');
    expect(
      describeFailure({
        ...base,
        outcome: CheckOutcome.Degraded,
        message: 'certificate expires in 12 days (warning at 14) on Jan 1 2027',
      }),
    ).toBe('certificate expires in 12 days');
    expect(
      describeFailure({
        ...base,
        outcome: CheckOutcome.Degraded,
        message: 'certificate expires in 1 days (warning at 14) on x',
      }),
    ).toBe('certificate expires in 1 day');
    expect(
      describeFailure({
        ...base,
        outcome: CheckOutcome.Unknown,
        message: 'the run was aborted by the caller',
      }),
    ).toBe('unknown');
    expect(describeFailure({ ...base, outcome: CheckOutcome.Up })).toBe('no failure');
  });

  it('never repeats anything from the message: only fixed phrases and computed numbers', () => {
    const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join('.'));
    const ipv6 = fc.ipV6();
    const host = fc.domain();
    const port = fc.integer({ min: 1, max: 65535 });
    const url = fc.webUrl({ withQueryParameters: true, withFragments: true });
    const secret = fc.oneof(
      ipv4,
      ipv6,
      host,
      url,
      fc.tuple(ipv4, port).map(([a, p]) => `${a}:${p}`),
    );
    // Messages shaped like the real ones, with addresses in them, and arbitrary text.
    const shapes = [
      (s: string) => `connect ECONNREFUSED ${s}`,
      (s: string) => `queryA ENOTFOUND ${s}`,
      (s: string) => `certificate not trusted for ${s}: CERT_HAS_EXPIRED`,
      (s: string) =>
        `Hostname/IP does not match certificate's altnames: Host: ${s}. is not in the cert's altnames: DNS:${s}`,
      (s: string) => `HTTP 503, expected 200-399 from ${s}`,
      (s: string) => `more than 5 redirects (last to ${s})`,
      (s: string) => `no complete answer within ${s} ms`,
      (s: string) => `certificate expires in ${s} days`,
      (s: string) => `${s} A: rcode SERVFAIL, expected NOERROR`,
      (s: string) => s,
    ];
    const message = fc.oneof(
      fc.tuple(fc.constantFrom(...shapes), secret).map(([shape, s]) => shape(s)),
      fc.tuple(fc.string(), secret, fc.string()).map((parts) => parts.join(' ')),
      fc.string({ unit: 'binary' }),
    );
    const input = fc.record({
      errorClass: fc.constantFrom<ErrorClass | null>(
        'dns',
        'connect',
        'timeout',
        'tls',
        'status',
        'assertion',
        null,
      ),
      statusCode: fc.option(fc.integer({ min: -1000, max: 100_000 }), { nil: null }),
      message: fc.option(message, { nil: null }),
      timeoutMs: fc.option(fc.oneof(fc.integer(), fc.double()), { nil: null }),
      outcome: fc.constantFrom(
        CheckOutcome.Up,
        CheckOutcome.Degraded,
        CheckOutcome.Down,
        CheckOutcome.Unknown,
      ),
    });
    fc.assert(
      fc.property(input, (i) => {
        const words = describeFailure(i);
        expect(words).toMatch(FAILURE_WORDS_PATTERN);
        // Nothing that looks like an address, a port or a URL survives.
        expect(words).not.toMatch(/\d+\.\d+\.\d+|:\/\/|[a-z0-9-]+\.[a-z]{2,}|:\d/i);
      }),
      { numRuns: 2000 },
    );
  });

  it('the pattern lists exactly the fixed phrases and numbered shapes', () => {
    for (const phrase of FAILURE_PHRASES) expect(phrase).toMatch(FAILURE_WORDS_PATTERN);
    expect('HTTP 503 from 10.0.0.1').not.toMatch(FAILURE_WORDS_PATTERN);
    expect('timeout after 1.5 s').toMatch(FAILURE_WORDS_PATTERN);
  });
});
