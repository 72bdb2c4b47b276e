import {
  checkEnvProblems,
  envReferenceInApiProblems,
  envReferenceProblems,
  resolveCheckEnv,
  resolveEnvReferences,
} from './env-reference';

const env: Record<string, string> = { EGOV_TOKEN: 'tok', USER_1: 'u' };
const lookup = (name: string) => env[name];

describe('env references', () => {
  it('resolves every ${env:NAME} in a text and names the variables that are not set', () => {
    expect(resolveEnvReferences('Bearer ${env:EGOV_TOKEN}', lookup)).toEqual({ value: 'Bearer tok', missing: [] });
    expect(resolveEnvReferences('${env:USER_1}:${env:EGOV_TOKEN}', lookup)).toEqual({ value: 'u:tok', missing: [] });
    expect(resolveEnvReferences('x ${env:NOPE}', lookup)).toEqual({ value: 'x ${env:NOPE}', missing: ['NOPE'] });
    expect(resolveEnvReferences('plain $HOME {env:X}', lookup)).toEqual({ value: 'plain $HOME {env:X}', missing: [] });
  });

  it('reports unset, malformed and unterminated references', () => {
    expect(envReferenceProblems('Bearer ${env:NOPE}', lookup)).toEqual(['environment variable NOPE is not set']);
    expect(envReferenceProblems('${env:bad-name}', lookup)).toEqual([expect.stringMatching(/malformed environment reference \$\{env:bad-name\}/)]);
    expect(envReferenceProblems('${env:EGOV_TOKEN', lookup)).toEqual([expect.stringMatching(/unterminated/)]);
    expect(envReferenceProblems('${env:EGOV_TOKEN}', lookup)).toEqual([]);
  });

  it('checks the header values, body and tcp payload of a check, at their paths', () => {
    expect(
      checkEnvProblems({ headers: { Authorization: 'Bearer ${env:A}', Accept: '${env:EGOV_TOKEN}' }, body: '${env:B}', method: '${env:C}' }, lookup),
    ).toEqual([
      { path: ['options', 'headers', 'Authorization'], message: 'environment variable A is not set' },
      { path: ['options', 'body'], message: 'environment variable B is not set' },
    ]);
    expect(checkEnvProblems({ send: '${env:D}' }, lookup)).toEqual([{ path: ['options', 'send'], message: 'environment variable D is not set' }]);
  });

  it('resolves a check for the probe, and refuses references written through the API', () => {
    expect(resolveCheckEnv({ headers: { Authorization: 'Bearer ${env:EGOV_TOKEN}', Accept: 'a' }, body: 'p=${env:USER_1}' }, lookup)).toEqual({
      options: { headers: { Authorization: 'Bearer tok', Accept: 'a' }, body: 'p=u' },
      missing: [],
    });
    expect(resolveCheckEnv({ send: '${env:NOPE}' }, lookup).missing).toEqual(['NOPE']);
    expect(envReferenceInApiProblems({ headers: { 'X-Key': '${env:EGOV_TOKEN}', Accept: 'a' } })).toEqual([
      { path: ['options', 'headers', 'X-Key'], message: expect.stringMatching(/only be written in the catalog folder/) },
    ]);
  });
});
