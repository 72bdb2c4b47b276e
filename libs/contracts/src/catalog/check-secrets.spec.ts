import {
  checkSecretPaths,
  isSecretHeaderName,
  redactCheckOptions,
  redactCheckSecretsDeep,
  restoreCheckSecrets,
  SECRET_PLACEHOLDER,
} from './check-secrets';

const options = {
  method: 'POST',
  headers: {
    Authorization: 'Bearer abc',
    'Proxy-Authorization': 'Basic xyz',
    Cookie: 'sid=1',
    'X-Api-Key': 'k',
    'X-Auth-Token': 't',
    'X-Client-Secret': 's',
    'X-Password': 'p',
    Accept: 'application/json',
    'X-Tenant': '${env:TENANT}',
  },
  body: '{"password":"hunter2"}',
  max_redirects: 5,
};

describe('check secrets', () => {
  it('names credential headers by their name, whatever the case', () => {
    for (const name of ['authorization', 'PROXY-AUTHORIZATION', 'cookie', 'x-api-key', 'X-Session-Id', 'X-Hub-Signature', 'apikey'])
      expect(isSecretHeaderName(name)).toBe(true);
    for (const name of ['Accept', 'Content-Type', 'User-Agent', 'Keep-Alive', 'X-Request-Id']) expect(isSecretHeaderName(name)).toBe(false);
  });

  it('redacts secret headers, headers holding an env reference, the body and the tcp payload; keeps the rest', () => {
    const out = redactCheckOptions(options);
    expect(out).toEqual({
      method: 'POST',
      headers: {
        Authorization: SECRET_PLACEHOLDER,
        'Proxy-Authorization': SECRET_PLACEHOLDER,
        Cookie: SECRET_PLACEHOLDER,
        'X-Api-Key': SECRET_PLACEHOLDER,
        'X-Auth-Token': SECRET_PLACEHOLDER,
        'X-Client-Secret': SECRET_PLACEHOLDER,
        'X-Password': SECRET_PLACEHOLDER,
        Accept: 'application/json',
        'X-Tenant': SECRET_PLACEHOLDER,
      },
      body: SECRET_PLACEHOLDER,
      max_redirects: 5,
    });
    expect(redactCheckOptions({ send: 'AUTH pw', expect: '+OK' })).toEqual({ send: SECRET_PLACEHOLDER, expect: '+OK' });
    expect(options.headers.Authorization).toBe('Bearer abc'); // the input is not changed
    expect(redactCheckOptions({ record_type: 'A' })).toEqual({ record_type: 'A' });
  });

  it('redacts check options anywhere in a request body, with the marker asked for', () => {
    const body = { code: 's', checks: [{ code: 'c', options: { headers: { 'X-Api-Key': 'k' }, body: 'b' } }], name: { en: 'x' } };
    expect(redactCheckSecretsDeep(body, '[redacted]')).toEqual({
      code: 's',
      checks: [{ code: 'c', options: { headers: { 'X-Api-Key': '[redacted]' }, body: '[redacted]' } }],
      name: { en: 'x' },
    });
  });

  it('puts stored values back where the placeholder was sent, and reports a placeholder with nothing stored', () => {
    const sent = { headers: { Authorization: { secret: true }, Accept: 'text/plain', 'X-New-Key': { secret: true } }, body: { secret: true } };
    const { options: out, problems } = restoreCheckSecrets(sent, options, true);
    expect(out).toEqual({ headers: { Authorization: 'Bearer abc', Accept: 'text/plain', 'X-New-Key': { secret: true } }, body: options.body });
    expect(problems).toEqual([{ path: ['options', 'headers', 'X-New-Key'], message: expect.stringMatching(/no stored secret/) }]);
  });

  it('keeps nothing when the target changes: every placeholder must be sent again', () => {
    const { problems } = restoreCheckSecrets({ headers: { Authorization: { secret: true } } }, options, false);
    expect(problems).toEqual([{ path: ['options', 'headers', 'Authorization'], message: expect.stringMatching(/target changes/) }]);
  });

  it('lists the secret paths of the options', () => {
    expect(checkSecretPaths({ headers: { Accept: 'x', Cookie: 'y' }, body: '' })).toEqual([['headers', 'Cookie'], ['body']]);
  });

  it('treats the basic_auth password as a secret, not the user name', () => {
    const basic = { basic_auth: { username: 'kuzet', password: 'pw' } };
    expect(redactCheckOptions(basic)).toEqual({ basic_auth: { username: 'kuzet', password: SECRET_PLACEHOLDER } });
    expect(restoreCheckSecrets({ basic_auth: { username: 'other', password: { secret: true } } }, basic, true).options).toEqual({
      basic_auth: { username: 'other', password: 'pw' },
    });
  });
});
