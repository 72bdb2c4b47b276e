import type { ProbeCheck } from './probe-check';
import { resolveProbeCheckSecrets } from './probe-check-secrets';

const check = (key: string, options: Record<string, unknown>): ProbeCheck => ({
  id: 1,
  key,
  kind: 'http',
  target: 'https://egov.kz/',
  interval_ms: 30_000,
  timeout_ms: 5_000,
  conditions: [],
  thresholds: {},
  options,
  regions: ['local'],
});

describe('resolveProbeCheckSecrets', () => {
  const env: Record<string, string> = { EGOV_TOKEN: 'tok' };

  it('gives the agent the values of the references, and leaves a check with an unset variable out alone', () => {
    const plain = check('a/plain', { headers: { Accept: 'text/html' } });
    const { checks, unresolved } = resolveProbeCheckSecrets(
      [
        plain,
        check('a/token', { headers: { Authorization: 'Bearer ${env:EGOV_TOKEN}' }, body: 'x' }),
        check('a/missing', { body: '${env:GONE} ${env:GONE}' }),
      ],
      (name) => env[name],
    );
    expect(checks.map((c) => c.key)).toEqual(['a/plain', 'a/token']);
    expect(checks[0]).toBe(plain);
    expect(checks[1].options).toEqual({ headers: { Authorization: 'Bearer tok' }, body: 'x' });
    expect(unresolved).toEqual([{ key: 'a/missing', variables: ['GONE'] }]);
  });
});
