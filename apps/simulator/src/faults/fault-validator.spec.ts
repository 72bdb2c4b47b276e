import { FaultValidationError } from './fault-validation.error';
import { validateFault } from './fault-validator';

const fieldOf = (input: unknown): string => {
  try {
    validateFault(input);
  } catch (err) {
    if (err instanceof FaultValidationError) return err.field;
    throw err;
  }
  throw new Error('expected a validation error');
};

describe('validateFault', () => {
  it('fills in defaults', () => {
    expect(validateFault({ type: 'down' })).toEqual({ type: 'down', mode: 'refused', status: 503 });
    expect(validateFault({ type: 'flapping', period_s: 20 })).toEqual({
      type: 'flapping',
      period_s: 20,
      mode: 'refused',
      status: 503,
    });
    expect(validateFault({ type: 'partial', error_rate: 0.3 })).toEqual({
      type: 'partial',
      error_rate: 0.3,
      status: 500,
    });
    expect(validateFault({ type: 'wrong_content' })).toEqual({
      type: 'wrong_content',
      body: '{"status":"DOWN"}',
      content_type: 'application/json',
    });
    expect(validateFault({ type: 'cert_expiring' })).toEqual({ type: 'cert_expiring', days: 7 });
    expect(validateFault({ type: 'cert_expired' })).toEqual({ type: 'cert_expired', days_ago: 1 });
    expect(validateFault({ type: 'cert_invalid' })).toEqual({ type: 'cert_invalid', reason: 'self_signed' });
    expect(validateFault({ type: 'tls_legacy' })).toEqual({
      type: 'tls_legacy',
      versions: ['TLSv1', 'TLSv1.1'],
    });
    expect(validateFault({ type: 'headers_outdated' })).toEqual({
      type: 'headers_outdated',
      headers: { Server: 'Apache/2.2.3 (CentOS)', 'X-Powered-By': 'PHP/5.3.3' },
    });
    expect(validateFault({ type: 'dns_timeout', duration_s: 5 })).toEqual({
      type: 'dns_timeout',
      duration_s: 5,
    });
  });

  it('reads latency distributions, and a bare number as fixed', () => {
    expect(validateFault({ type: 'slow', latency_ms: 250 })).toEqual({
      type: 'slow',
      latency_ms: { distribution: 'fixed', ms: 250 },
    });
    expect(
      validateFault({ type: 'slow', latency_ms: { distribution: 'uniform', min: 10, max: 20 } }).type,
    ).toBe('slow');
    expect(validateFault({ type: 'slow', latency_ms: { distribution: 'lognormal', median: 300 } })).toEqual({
      type: 'slow',
      latency_ms: { distribution: 'lognormal', median: 300, p95: 600 },
    });
  });

  it('merges custom outdated headers case-insensitively over the defaults', () => {
    expect(validateFault({ type: 'headers_outdated', headers: { server: 'IIS/6.0' } })).toEqual({
      type: 'headers_outdated',
      headers: { 'X-Powered-By': 'PHP/5.3.3', server: 'IIS/6.0' },
    });
  });

  it.each([
    [null, '(body)'],
    [[], '(body)'],
    [{}, 'type'],
    [{ type: 'explode' }, 'type'],
    [{ type: 'down', mode: 'crash' }, 'mode'],
    [{ type: 'down', status: 404 }, 'status'],
    [{ type: 'down', duration_s: 0 }, 'duration_s'],
    [{ type: 'down', modee: 'refused' }, 'modee'],
    [{ type: 'slow' }, 'latency_ms'],
    [{ type: 'slow', latency_ms: 'fast' }, 'latency_ms'],
    [{ type: 'slow', latency_ms: { distribution: 'pareto' } }, 'latency_ms.distribution'],
    [{ type: 'slow', latency_ms: { distribution: 'lognormal', median: -5 } }, 'latency_ms.median'],
    [{ type: 'slow', latency_ms: { distribution: 'lognormal', median: 500, p95: 100 } }, 'latency_ms.p95'],
    [{ type: 'slow', latency_ms: { distribution: 'uniform', min: 50, max: 10 } }, 'latency_ms.max'],
    [{ type: 'slow', latency_ms: { distribution: 'fixed', ms: 10, jitter: 1 } }, 'latency_ms.jitter'],
    [{ type: 'slow', latency_ms: 10_000_000 }, 'latency_ms'],
    [{ type: 'flapping' }, 'period_s'],
    [{ type: 'flapping', period_s: 0.5 }, 'period_s'],
    [{ type: 'partial', error_rate: 1.5 }, 'error_rate'],
    [{ type: 'partial', error_rate: '0.5' }, 'error_rate'],
    [{ type: 'wrong_content', body: 42 }, 'body'],
    [{ type: 'cert_expiring', days: 0 }, 'days'],
    [{ type: 'cert_invalid', reason: 'revoked' }, 'reason'],
    [{ type: 'tls_legacy', versions: [] }, 'versions'],
    [{ type: 'tls_legacy', versions: ['SSLv3'] }, 'versions[0]'],
    [{ type: 'headers_outdated', headers: { 'Content-Length': '1' } }, 'headers.Content-Length'],
    [{ type: 'headers_outdated', headers: { 'X-Evil': 'a\r\nSet-Cookie: x' } }, 'headers.X-Evil'],
    [{ type: 'dns_servfail', rcode: 2 }, 'rcode'],
  ])('rejects %j naming field %s', (input, field) => {
    expect(fieldOf(input)).toBe(field);
  });
});
