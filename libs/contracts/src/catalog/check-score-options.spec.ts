import { ProbeNetworkPolicy } from '../network/probe-network-policy';
import { checkDestinations, checkRuleProblems } from './check-rules';
import { checkDocumentSchema } from './check.schema';

/** The options that feed the technology-debt score: http plain_http_url, tls resolver. */
describe('score options of checks', () => {
  const http = (options: Record<string, unknown>) =>
    checkDocumentSchema.safeParse({ code: 'web', kind: 'http', target: 'https://egov.kz/', options });
  const tls = (options: Record<string, unknown>) =>
    checkDocumentSchema.safeParse({ code: 'tls', kind: 'tls', target: 'egov.kz:443', options });

  it('accepts plain_http_url as true or an http:// URL, and nothing else', () => {
    expect(http({ plain_http_url: true }).success).toBe(true);
    expect(http({ plain_http_url: 'http://egov.kz/' }).success).toBe(true);
    for (const bad of ['https://egov.kz/', 'egov.kz', 'http://user:pw@egov.kz/', 42]) {
      const parsed = http({ plain_http_url: bad });
      expect(parsed.success).toBe(false);
      expect(parsed.error!.issues[0].path).toEqual(['options', 'plain_http_url']);
    }
  });

  it('accepts a resolver for tls checks and refuses a malformed one', () => {
    expect(tls({ resolver: '127.0.0.1:5353' }).success).toBe(true);
    expect(tls({ resolver: '127.0.0.1:99999' }).success).toBe(false);
  });

  it('judges the plain-HTTP URL and the tls resolver by the probe network policy', () => {
    const policy = ProbeNetworkPolicy.fromCidrs([]);
    const web = http({ plain_http_url: 'http://127.0.0.1:8080/' });
    const probe = tls({ resolver: '169.254.169.254:53' });
    expect(checkDestinations(web.data!).map((d) => d.path)).toEqual([
      ['target'],
      ['options', 'plain_http_url'],
    ]);
    expect(checkRuleProblems(web.data!, { minIntervalS: 10, policy }).map((p) => p.path)).toEqual([
      ['options', 'plain_http_url'],
    ]);
    expect(checkRuleProblems(probe.data!, { minIntervalS: 10, policy }).map((p) => p.path)).toEqual([
      ['options', 'resolver'],
    ]);
  });
});
