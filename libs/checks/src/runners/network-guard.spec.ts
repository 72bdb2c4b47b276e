import { ProbeNetworkPolicy } from '@kuzet/contracts';
import { CheckFailure } from './check-failure';
import { parseHostPort, resolveGuarded, toNetworkGuard } from './network-guard';

describe('network guard', () => {
  it('adapts a ProbeNetworkPolicy-shaped object', () => {
    const guard = toNetworkGuard({
      checkAddress: (a) => (a === '127.0.0.1' ? { allowed: false, reason: '127.0.0.1 is a loopback address' } : { allowed: true }),
    });
    expect(() => guard('127.0.0.1')).toThrow('loopback');
    expect(() => guard('8.8.8.8')).not.toThrow();
  });

  it('allows everything without a guard', () => {
    expect(() => toNetworkGuard(undefined)('127.0.0.1')).not.toThrow();
  });

  it('judges a literal IP without DNS and refuses with a clear connect failure', async () => {
    const refused = resolveGuarded('127.0.0.1', () => {
      throw new Error('127.0.0.1 is a loopback address');
    });
    await expect(refused).rejects.toBeInstanceOf(CheckFailure);
    await expect(refused).rejects.toMatchObject({
      errorClass: 'connect',
      message: expect.stringContaining('probe network policy'),
    });
    await expect(resolveGuarded('[::1]', () => undefined)).resolves.toEqual({ address: '::1', family: 6 });
  });

  it('refuses at connect time an IPv6 literal carrying a forbidden IPv4 (6to4, SIIT, NAT64)', async () => {
    const guard = toNetworkGuard(ProbeNetworkPolicy.fromCidrs([]));
    for (const host of ['[2002:a9fe:a9fe::]', '[::ffff:0:a9fe:a9fe]', '[64:ff9b:1::a9fe:a9fe]', '[2002:7f00:1::]']) {
      await expect(resolveGuarded(host, guard)).rejects.toMatchObject({ errorClass: 'connect' });
    }
  });

  it('parses host:port and [v6]:port', () => {
    expect(parseHostPort('example.kz:443')).toEqual({ host: 'example.kz', port: 443 });
    expect(parseHostPort('[::1]:8443')).toEqual({ host: '::1', port: 8443 });
    expect(() => parseHostPort('example.kz')).toThrow(CheckFailure);
    expect(() => parseHostPort('example.kz:70000')).toThrow(CheckFailure);
  });
});
