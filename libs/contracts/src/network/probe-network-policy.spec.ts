import { normalizeHost, parseHostPort } from './host-port';
import { cidrContains, embeddedIpv4, InvalidCidrError, parseCidr, parseIpAddress } from './ip-address';
import { ProbeNetworkPolicy } from './probe-network-policy';

describe('IP addresses and CIDRs', () => {
  it('parses IPv4 and IPv6 literals, including compressed and IPv4-tailed forms', () => {
    expect(parseIpAddress('10.1.2.3')).toEqual({ version: 4, value: 0x0a010203n });
    expect(parseIpAddress('::1')).toEqual({ version: 6, value: 1n });
    expect(parseIpAddress('[::1]')).toEqual({ version: 6, value: 1n });
    expect(parseIpAddress('fe80::1%eth0')?.value).toBe((0xfe80n << 112n) | 1n);
    expect(parseIpAddress('::ffff:169.254.169.254')?.value).toBe(0xffffa9fea9fen);
    expect(parseIpAddress('1:2:3:4:5:6:7:8')?.value).toBe(0x00010002000300040005000600070008n);
    expect(parseIpAddress('1:2:3:4:5:6:1.2.3.4')?.value).toBe(0x0001000200030004000500060102_0304n);
  });

  it.each(['256.1.1.1', '1.2.3', '01.2.3.4', '1:2:3:4:5:6:7:8:9', '1::2::3', 'example.kz', 'g::1', ''])(
    'refuses %p',
    (text) => {
      expect(parseIpAddress(text)).toBeUndefined();
    },
  );

  it('matches CIDRs of the same family only', () => {
    const net = parseCidr('127.0.0.0/8');
    expect(cidrContains(net, parseIpAddress('127.200.0.1')!)).toBe(true);
    expect(cidrContains(net, parseIpAddress('128.0.0.1')!)).toBe(false);
    expect(cidrContains(net, parseIpAddress('::1')!)).toBe(false);
    expect(cidrContains(parseCidr('0.0.0.0/0'), parseIpAddress('8.8.8.8')!)).toBe(true);
    expect(cidrContains(parseCidr('fd00::/8'), parseIpAddress('fd12::1')!)).toBe(true);
    expect(cidrContains(parseCidr('10.0.0.1'), parseIpAddress('10.0.0.1')!)).toBe(true);
  });

  it.each(['10.0.0.0/33', '10.0.0.0/x', 'nope/8', '10.0.0.0/8/1', '::/129'])('refuses CIDR %p', (text) => {
    expect(() => parseCidr(text)).toThrow(InvalidCidrError);
  });

  it('finds IPv4 inside mapped, compatible and NAT64 IPv6 forms', () => {
    expect(embeddedIpv4(parseIpAddress('::ffff:10.0.0.1')!)).toEqual(parseIpAddress('10.0.0.1'));
    expect(embeddedIpv4(parseIpAddress('64:ff9b::a9fe:a9fe')!)).toEqual(parseIpAddress('169.254.169.254'));
    expect(embeddedIpv4(parseIpAddress('2001:db8::1')!)).toBeUndefined();
    expect(embeddedIpv4(parseIpAddress('::1')!)).toBeUndefined();
  });
});

describe('hosts', () => {
  it('normalizes the legacy IPv4 spellings a resolver would accept', () => {
    expect(normalizeHost('127.1')).toBe('127.0.0.1');
    expect(normalizeHost('0x7f.0.0.1')).toBe('127.0.0.1');
    expect(normalizeHost('2130706433')).toBe('127.0.0.1');
    expect(normalizeHost('Egov.KZ')).toBe('egov.kz');
    expect(normalizeHost('::1')).toBe('::1');
    expect(normalizeHost('bad host')).toBeUndefined();
  });

  it('parses host:port, [v6]:port and a default port', () => {
    expect(parseHostPort('egov.kz:443')).toEqual({ host: 'egov.kz', port: 443 });
    expect(parseHostPort('[::1]:53')).toEqual({ host: '::1', port: 53 });
    expect(parseHostPort('10.0.0.1', 53)).toEqual({ host: '10.0.0.1', port: 53 });
    expect(parseHostPort('egov.kz')).toBeUndefined();
    expect(parseHostPort('egov.kz:0')).toBeUndefined();
    expect(parseHostPort('egov.kz:70000')).toBeUndefined();
    expect(parseHostPort('::1:53')).toBeUndefined();
  });
});

describe('ProbeNetworkPolicy', () => {
  const none = ProbeNetworkPolicy.fromCidrs([]);
  const demo = ProbeNetworkPolicy.fromCidrs(['127.0.0.0/8']);
  const everything = ProbeNetworkPolicy.fromCidrs(['0.0.0.0/0', '::/0']);

  it('allows public addresses', () => {
    expect(none.checkAddress('8.8.8.8')).toEqual({ allowed: true });
    expect(none.checkAddress('2a00:1450::1')).toEqual({ allowed: true });
    expect(none.checkHost('egov.kz')).toEqual({ allowed: true });
  });

  it('refuses link-local and metadata addresses even when everything is allowed', () => {
    for (const address of [
      '169.254.169.254',
      '169.254.1.1',
      'fe80::1',
      'fd00:ec2::254',
      '100.100.100.200',
      '::ffff:169.254.169.254',
      '64:ff9b::a9fe:a9fe',
    ]) {
      const verdict = everything.checkAddress(address);
      expect(verdict.allowed).toBe(false);
    }
    expect(everything.checkHost('metadata.google.internal')).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/metadata/),
    });
    expect(everything.checkHost('METADATA.google.internal.')).toMatchObject({ allowed: false });
  });

  it('refuses loopback and private ranges unless allowed', () => {
    expect(none.checkAddress('127.0.0.1')).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/loopback.*KUZET_PROBE_ALLOW: none/),
    });
    expect(demo.checkAddress('127.0.0.1')).toEqual({ allowed: true });
    expect(demo.checkAddress('10.0.0.5')).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/private.*127\.0\.0\.0\/8/),
    });
    expect(demo.checkAddress('::1')).toMatchObject({ allowed: false });
    expect(demo.checkAddress('::ffff:127.0.0.1')).toEqual({ allowed: true });
    expect(none.checkAddress('::ffff:10.0.0.1')).toMatchObject({ allowed: false });
    expect(none.checkAddress('fd12::1')).toMatchObject({ allowed: false });
    expect(none.checkAddress('0.0.0.0')).toMatchObject({ allowed: false });
    expect(ProbeNetworkPolicy.fromCidrs(['10.0.0.0/8']).checkAddress('10.0.0.5')).toEqual({ allowed: true });
  });

  it('treats localhost names as loopback', () => {
    expect(none.checkHost('localhost')).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/^localhost is a loopback/),
    });
    expect(demo.checkHost('api.localhost')).toEqual({ allowed: true });
  });

  it('refuses malformed allow lists', () => {
    expect(() => ProbeNetworkPolicy.fromCidrs(['10.0.0.0/99'])).toThrow(InvalidCidrError);
  });
});
