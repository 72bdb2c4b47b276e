import { CheckFailure } from './check-failure';
import { classifyTransportError } from './transport-error-classifier';

const err = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('classifyTransportError', () => {
  it.each([
    ['ENOTFOUND', 'dns'],
    ['EAI_AGAIN', 'dns'],
    ['ECONNREFUSED', 'connect'],
    ['ECONNRESET', 'connect'],
    ['EHOSTUNREACH', 'connect'],
    ['ETIMEDOUT', 'timeout'],
    ['CERT_HAS_EXPIRED', 'tls'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'tls'],
    ['EPROTO', 'tls'],
  ])('%s -> %s', (code, errorClass) => {
    expect(classifyTransportError(err(code)).errorClass).toBe(errorClass);
  });

  it('keeps a CheckFailure as it is', () => {
    const f = new CheckFailure('status', 'HTTP 503');
    expect(classifyTransportError(f)).toBe(f);
  });

  it('calls an unknown error connect and keeps its text', () => {
    const f = classifyTransportError(err('EWHATEVER', 'odd'));
    expect(f.errorClass).toBe('connect');
    expect(f.message).toContain('odd');
  });
});
