// Pure IPv4/IPv6 parsing and CIDR matching, shared by the api (catalog validation) and the probe
// (connect-time checks after DNS). No node:net so that the web app can use it as well.

export interface IpAddress {
  version: 4 | 6;
  /** The address as an unsigned integer (32 or 128 bits). */
  value: bigint;
}

export interface Cidr {
  version: 4 | 6;
  base: bigint;
  prefix: number;
  /** The CIDR as written, for messages. */
  text: string;
}

const V4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function parseV4(text: string): bigint | undefined {
  const m = V4.exec(text);
  if (!m) return undefined;
  let value = 0n;
  for (let i = 1; i <= 4; i++) {
    // Leading zeros are refused: some resolvers read them as octal, so their meaning is ambiguous.
    if (m[i].length > 1 && m[i].startsWith('0')) return undefined;
    const octet = Number(m[i]);
    if (octet > 255) return undefined;
    value = (value << 8n) | BigInt(octet);
  }
  return value;
}

function parseV6(input: string): bigint | undefined {
  let text = input;
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return undefined;
  let tail: number[] = [];
  // An embedded IPv4 tail (::ffff:1.2.3.4) becomes two 16-bit groups.
  const lastColon = text.lastIndexOf(':');
  if (text.indexOf('.', lastColon) > lastColon) {
    const v4 = parseV4(text.slice(lastColon + 1));
    if (v4 === undefined) return undefined;
    tail = [Number(v4 >> 16n), Number(v4 & 0xffffn)];
    text = text.slice(0, lastColon + 1);
    if (!text.endsWith('::')) text = text.slice(0, -1);
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const head = groups(halves[0]);
  const rest = halves.length === 2 ? groups(halves[1]) : [];
  for (const g of [...head, ...rest]) if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
  const explicit = head.length + rest.length + tail.length;
  if (halves.length === 1 && explicit !== 8) return undefined;
  if (halves.length === 2 && explicit > 7) return undefined;
  const all = [
    ...head.map((g) => parseInt(g, 16)),
    ...new Array(8 - explicit).fill(0),
    ...rest.map((g) => parseInt(g, 16)),
    ...tail,
  ];
  if (halves.length === 1 && all.length !== 8) return undefined;
  return all.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
}

/** Parses a literal IPv4 or IPv6 address (brackets allowed around IPv6); undefined when it is not one. */
export function parseIpAddress(input: string): IpAddress | undefined {
  const text = input.startsWith('[') && input.endsWith(']') ? input.slice(1, -1) : input;
  const v4 = parseV4(text);
  if (v4 !== undefined) return { version: 4, value: v4 };
  if (!text.includes(':')) return undefined;
  const v6 = parseV6(text);
  return v6 === undefined ? undefined : { version: 6, value: v6 };
}

export class InvalidCidrError extends Error {
  constructor(readonly cidr: string) {
    super(`not a CIDR: ${JSON.stringify(cidr)} (expected e.g. 10.0.0.0/8 or fd00::/8)`);
    this.name = 'InvalidCidrError';
  }
}

/** Parses "addr/prefix" (a bare address means a single host); throws InvalidCidrError. */
export function parseCidr(text: string): Cidr {
  const [addr, prefixText, extra] = text.trim().split('/');
  const ip = parseIpAddress(addr);
  if (!ip || extra !== undefined) throw new InvalidCidrError(text);
  const bits = ip.version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (!/^\d{1,3}$/.test(prefixText ?? String(bits)) || prefix > bits) throw new InvalidCidrError(text);
  return { version: ip.version, base: ip.value, prefix, text: text.trim() };
}

export function cidrContains(cidr: Cidr, ip: IpAddress): boolean {
  if (cidr.version !== ip.version) return false;
  const shift = BigInt((cidr.version === 4 ? 32 : 128) - cidr.prefix);
  return cidr.base >> shift === ip.value >> shift;
}

const MASK32 = 0xffffffffn;
const NAT64_LOCAL_USE = 0x0064ff9b0001n; // 64:ff9b:1::/48 (RFC 8215)

/**
 * The IPv4 address an IPv6 one carries, so that policy cannot be dodged by spelling:
 * IPv4-mapped ::ffff:0:0/96 and the deprecated IPv4-compatible ::/96 (RFC 4291), SIIT
 * ::ffff:0:0:0/96 (RFC 6145), NAT64 64:ff9b::/96 (RFC 6052) and the local-use 64:ff9b:1::/48 in
 * its /96 layout (RFC 8215), 6to4 2002::/16 (RFC 3056, bits 16-47), and Teredo 2001::/32
 * (RFC 4380: the client's address, stored inverted in the last 32 bits).
 */
export function embeddedIpv4(ip: IpAddress): IpAddress | undefined {
  if (ip.version !== 6) return undefined;
  const high = ip.value >> 32n;
  const low = ip.value & MASK32;
  const carried = (value: bigint): IpAddress => ({ version: 4, value });
  if (high === 0xffffn || high === 0xffff0000n || (high === 0n && low > 1n)) return carried(low);
  if (high === 0x0064ff9b0000000000000000n || high === NAT64_LOCAL_USE << 48n) return carried(low);
  if (ip.value >> 112n === 0x2002n) return carried((ip.value >> 80n) & MASK32);
  if (ip.value >> 96n === 0x20010000n) return carried(low ^ MASK32);
  return undefined;
}

/** 64:ff9b:1::/48 addresses not in the /96 layout: the IPv4 position is the operator's choice. */
export function isOtherNat64LocalUse(ip: IpAddress): boolean {
  return ip.version === 6 && ip.value >> 80n === NAT64_LOCAL_USE && embeddedIpv4(ip) === undefined;
}

/** Formats an address in its usual spelling (IPv6 without zero compression; enough for messages). */
export function formatIpAddress(ip: IpAddress): string {
  if (ip.version === 4) {
    return [24n, 16n, 8n, 0n].map((s) => String((ip.value >> s) & 0xffn)).join('.');
  }
  const groups: string[] = [];
  for (let i = 7; i >= 0; i--) groups.push(((ip.value >> BigInt(i * 16)) & 0xffffn).toString(16));
  return groups.join(':');
}
