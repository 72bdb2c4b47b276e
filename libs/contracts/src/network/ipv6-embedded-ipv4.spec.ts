import fc from 'fast-check';
import { embeddedIpv4, formatIpAddress, IpAddress, parseIpAddress } from './ip-address';
import { ProbeNetworkPolicy } from './probe-network-policy';

// IPv6 forms that carry an IPv4 address (RFC 3056 6to4, RFC 6052 NAT64 incl. RFC 8215 local use,
// RFC 6145 SIIT, RFC 4291 mapped/compatible, RFC 4380 Teredo) are judged by that IPv4 address.

const v6 = (value: bigint): IpAddress => ({ version: 6, value });
const v4 = (text: string): bigint => parseIpAddress(text)!.value;

/** Every IPv6 spelling of one IPv4 address the guard must see through. */
function embeddings(ipv4: bigint): Record<string, IpAddress> {
  return {
    mapped: v6((0xffffn << 32n) | ipv4),
    siit: v6((0xffff0000n << 32n) | ipv4),
    nat64: v6((0x0064ff9bn << 96n) | ipv4),
    nat64LocalUse: v6((0x0064ff9b0001n << 80n) | ipv4),
    sixToFour: v6((0x2002n << 112n) | (ipv4 << 80n) | 0x1234n),
    teredo: v6((0x20010000n << 96n) | (v4('192.0.32.1') << 64n) | (0xbeefn << 32n) | (ipv4 ^ 0xffffffffn)),
  };
}

describe('IPv4 carried inside IPv6', () => {
  it('finds the IPv4 of 6to4, NAT64 (both prefixes), SIIT and Teredo addresses', () => {
    const carried = (text: string) => {
      const found = embeddedIpv4(parseIpAddress(text)!);
      return found && formatIpAddress(found);
    };
    expect(carried('2002:a9fe:a9fe::')).toBe('169.254.169.254');
    expect(carried('2002:7f00:1::')).toBe('127.0.0.1');
    expect(carried('::ffff:0:a9fe:a9fe')).toBe('169.254.169.254');
    expect(carried('64:ff9b:1::a9fe:a9fe')).toBe('169.254.169.254');
    expect(carried('64:ff9b::10.0.0.1')).toBe('10.0.0.1');
    // Teredo: server 65.54.227.120, client 192.0.2.45 stored inverted (RFC 4380 example).
    expect(carried('2001:0:4136:e378:8000:63bf:3fff:fdd2')).toBe('192.0.2.45');
    expect(carried('2a00:1450::1')).toBeUndefined();
  });

  const none = ProbeNetworkPolicy.fromCidrs([]);
  const loopbackAllowed = ProbeNetworkPolicy.fromCidrs(['127.0.0.0/8']);

  it.each(['2002:a9fe:a9fe::', '::ffff:0:a9fe:a9fe', '64:ff9b:1::a9fe:a9fe', '2002:a9fe:a9fe::1'])(
    'refuses %s (link-local / metadata) even with everything allowed',
    (address) => {
      expect(ProbeNetworkPolicy.fromCidrs(['0.0.0.0/0', '::/0']).checkAddress(address)).toMatchObject({ allowed: false });
    },
  );

  it('refuses 2002:7f00:1:: as loopback unless loopback is allowed', () => {
    expect(none.checkAddress('2002:7f00:1::')).toMatchObject({ allowed: false, reason: expect.stringMatching(/loopback/) });
    expect(loopbackAllowed.checkAddress('2002:7f00:1::')).toEqual({ allowed: true });
    expect(none.checkHost('2002:7f00:1::')).toMatchObject({ allowed: false });
  });

  it('refuses local-use NAT64 addresses whose IPv4 is not at the /96 position', () => {
    expect(none.checkAddress('64:ff9b:1:a9fe:a9:fe00::')).toMatchObject({ allowed: false });
  });

  it('still allows public IPv4 in every embedding', () => {
    for (const [form, ip] of Object.entries(embeddings(v4('8.8.8.8')))) {
      expect([form, none.checkAddress(ip)]).toEqual([form, { allowed: true }]);
    }
  });

  it('property: an IPv4 address the policy refuses stays refused in every IPv6 embedding', () => {
    const policies = [none, loopbackAllowed, ProbeNetworkPolicy.fromCidrs(['10.0.0.0/8'])];
    // Biased towards non-public ranges so the property is exercised often.
    const interesting = fc.oneof(
      fc.nat({ max: 0xffffffff }),
      fc.constantFrom('127.0.0.0', '10.0.0.0', '169.254.0.0', '192.168.0.0', '172.16.0.0', '100.64.0.0', '0.0.0.0', '224.0.0.0').chain((base) =>
        fc.nat({ max: 0xffff }).map((low) => Number(v4(base)) + low),
      ),
    );
    fc.assert(
      fc.property(interesting, fc.nat({ max: policies.length - 1 }), (n, p) => {
        const policy = policies[p];
        const ipv4 = BigInt(n);
        const plain = policy.checkAddress({ version: 4, value: ipv4 });
        for (const [form, ip] of Object.entries(embeddings(ipv4))) {
          const verdict = policy.checkAddress(ip);
          if (!plain.allowed) expect([form, verdict.allowed]).toEqual([form, false]);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
