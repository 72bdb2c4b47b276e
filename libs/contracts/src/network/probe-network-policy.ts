import {
  Cidr,
  cidrContains,
  embeddedIpv4,
  isOtherNat64LocalUse,
  formatIpAddress,
  IpAddress,
  parseCidr,
  parseIpAddress,
} from './ip-address';

// Which addresses a probe may reach. Link-local and cloud metadata endpoints are refused always:
// a catalog entry must never turn a probe into a way to read instance credentials. Loopback,
// private and other non-public ranges are refused unless an operator allowed them (the demo
// allows 127.0.0.0/8). Public addresses are allowed. Host names are judged here only when their
// meaning is fixed (localhost, metadata names); others must be checked again after DNS
// resolution, at connect time, with checkAddress.

const ALWAYS_DENIED: ReadonlyArray<[string, string]> = [
  ['169.254.169.254/32', 'a cloud metadata address'],
  ['100.100.100.200/32', 'a cloud metadata address'],
  ['fd00:ec2::254/128', 'a cloud metadata address'],
  ['169.254.0.0/16', 'a link-local address'],
  ['fe80::/10', 'a link-local address'],
];

const DENIED_NAMES = new Set(['metadata.google.internal', 'metadata.goog', 'metadata']);

const NON_PUBLIC: ReadonlyArray<[string, string]> = [
  ['127.0.0.0/8', 'a loopback address'],
  ['::1/128', 'a loopback address'],
  ['0.0.0.0/8', 'an unspecified address'],
  ['::/128', 'an unspecified address'],
  ['10.0.0.0/8', 'a private address'],
  ['172.16.0.0/12', 'a private address'],
  ['192.168.0.0/16', 'a private address'],
  ['100.64.0.0/10', 'a shared (CGNAT) address'],
  ['fc00::/7', 'a private (unique local) address'],
  ['fec0::/10', 'a private (site-local) address'],
  ['192.0.0.0/24', 'a reserved address'],
  ['192.0.2.0/24', 'a documentation address'],
  ['198.51.100.0/24', 'a documentation address'],
  ['203.0.113.0/24', 'a documentation address'],
  ['2001:db8::/32', 'a documentation address'],
  ['198.18.0.0/15', 'a benchmarking address'],
  ['224.0.0.0/4', 'a multicast address'],
  ['ff00::/8', 'a multicast address'],
  ['240.0.0.0/4', 'a reserved address'],
  ['100::/64', 'a discard address'],
];

const compile = (list: ReadonlyArray<[string, string]>) =>
  list.map(([c, why]) => ({ cidr: parseCidr(c), why }));
const ALWAYS_DENIED_CIDRS = compile(ALWAYS_DENIED);
const NON_PUBLIC_CIDRS = compile(NON_PUBLIC);

export type ProbeVerdict = { allowed: true } | { allowed: false; reason: string };

export class ProbeNetworkPolicy {
  private constructor(private readonly allow: readonly Cidr[]) {}

  /** @throws InvalidCidrError for a malformed entry */
  static fromCidrs(allow: readonly string[]): ProbeNetworkPolicy {
    return new ProbeNetworkPolicy(allow.map(parseCidr));
  }

  /** The allowed CIDRs, as configured. */
  get allowed(): string[] {
    return this.allow.map((c) => c.text);
  }

  /** Judges an address the probe is about to connect to (a literal or a DNS answer). */
  checkAddress(address: string | IpAddress): ProbeVerdict {
    const parsed = typeof address === 'string' ? parseIpAddress(address) : address;
    if (!parsed) return { allowed: false, reason: `${JSON.stringify(address)} is not an IP address` };
    const shown = typeof address === 'string' ? address : formatIpAddress(address);
    // Judge the IPv4 an IPv6 form carries as well (6to4, NAT64, SIIT, Teredo, mapped), so the
    // spelling cannot dodge policy.
    const candidates = [parsed, embeddedIpv4(parsed)].filter((a): a is IpAddress => a !== undefined);
    for (const ip of candidates) {
      const hit = ALWAYS_DENIED_CIDRS.find((d) => cidrContains(d.cidr, ip));
      if (hit) return { allowed: false, reason: `${shown} is ${hit.why}; probes never reach it` };
    }
    for (const ip of candidates) {
      // A local-use NAT64 address in a layout other than /96 hides where its IPv4 is: non-public.
      const hit =
        NON_PUBLIC_CIDRS.find((d) => cidrContains(d.cidr, ip)) ??
        (isOtherNat64LocalUse(ip) ? { why: 'a local-use NAT64 address of unknown layout' } : undefined);
      if (hit && !this.allow.some((c) => cidrContains(c, ip))) {
        const allowed = this.allow.length ? this.allowed.join(', ') : 'none';
        return {
          allowed: false,
          reason: `${shown} is ${hit.why}, outside the networks probes may reach (KUZET_PROBE_ALLOW: ${allowed})`,
        };
      }
    }
    return { allowed: true };
  }

  /**
   * Judges a normalized host (see normalizeHost): literal addresses fully; localhost as loopback;
   * metadata names refused. Other names pass here and must be checked after resolution.
   */
  checkHost(host: string): ProbeVerdict {
    const name = host.toLowerCase().replace(/\.$/, '');
    if (DENIED_NAMES.has(name))
      return { allowed: false, reason: `${host} is a cloud metadata endpoint; probes never reach it` };
    if (name === 'localhost' || name.endsWith('.localhost')) {
      const verdict = this.checkAddress('127.0.0.1');
      return verdict.allowed
        ? verdict
        : { allowed: false, reason: verdict.reason.replace('127.0.0.1', host) };
    }
    return parseIpAddress(host) ? this.checkAddress(host) : { allowed: true };
  }
}
