import { ProbeApiClient } from './probe-api-client';

const good = (id: number) => ({
  id,
  key: `sys/check-${id}`,
  kind: 'http',
  target: 'https://egov.kz/',
  interval_ms: 30_000,
  timeout_ms: 10_000,
  conditions: [],
  thresholds: {},
  options: {},
});

function clientAnswering(body: unknown): ProbeApiClient {
  const fetch = (async () => new Response(JSON.stringify(body), { status: 200 })) as typeof globalThis.fetch;
  return new ProbeApiClient({ apiUrl: 'http://api.test', token: 'kzp_test_token_value', fetch });
}

describe('ProbeApiClient.pollAssignment', () => {
  const envelope = { revision: 'r1', region: 'local', agent_id: 'a1', probe_allow: [], canaries: [], agent_ttl_s: 20 };

  it('refuses only the malformed checks of an assignment, naming them', async () => {
    // interval 1e308 * 1000 is Infinity, which JSON carries as null.
    const body = { ...envelope, checks: [good(1), { ...good(2), interval_ms: null }, { ...good(3), kind: 'ftp' }, good(4)] };
    const polled = await clientAnswering(body).pollAssignment('a1', undefined, new AbortController().signal);
    expect(polled.assignment.checks.map((c) => c.id)).toEqual([1, 4]);
    expect(polled.refused).toEqual([
      { index: 1, id: 2, problem: expect.stringMatching(/^interval_ms: /) },
      { index: 2, id: 3, problem: expect.stringMatching(/^kind: /) },
    ]);
  });

  it('still refuses a malformed envelope as a whole', async () => {
    await expect(clientAnswering({ ...envelope, region: 5, checks: [] }).pollAssignment('a1', undefined, new AbortController().signal)).rejects.toThrow();
  });
});
