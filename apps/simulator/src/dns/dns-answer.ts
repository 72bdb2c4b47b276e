import * as dnsPacket from 'dns-packet';

export const SIM_ZONE = 'sim.kuzet.test';
export const SIM_ADDRESS = '127.0.0.1';
/** Short, so that a resolver in front of this one notices injected DNS faults quickly. */
const TTL_S = 5;

const RCODE = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4 } as const;
type Rcode = keyof typeof RCODE;

/** How the simulator answers for one system's name, as its DNS faults dictate. */
export type DnsBehaviour = 'answer' | 'servfail' | 'nxdomain' | 'timeout';

/** Tells how a system name should be answered; null when no such system exists. */
export type DnsLookup = (systemCode: string) => DnsBehaviour | null;

/**
 * The reply to one query, or null to stay silent (the dns_timeout fault). Authoritative for
 * sim.kuzet.test: `<code>.sim.kuzet.test` A -> 127.0.0.1, other types of a known name get an
 * empty NOERROR (NODATA), unknown names and names outside the zone NXDOMAIN.
 */
export function answerDnsQuery(query: dnsPacket.DecodedPacket, lookup: DnsLookup): dnsPacket.Packet | null {
  const question = query.questions?.[0];
  const opcode = (query as { opcode?: string }).opcode;
  if (!question || (opcode !== undefined && opcode !== 'QUERY')) {
    return reply(query, opcode !== undefined && opcode !== 'QUERY' ? 'NOTIMP' : 'FORMERR');
  }
  const name = question.name.toLowerCase().replace(/\.$/, '');
  if (name === SIM_ZONE) return reply(query, 'NOERROR');
  const suffix = `.${SIM_ZONE}`;
  const code = name.endsWith(suffix) ? name.slice(0, -suffix.length) : null;
  const behaviour = code !== null && !code.includes('.') ? lookup(code) : null;
  switch (behaviour) {
    case null:
    case 'nxdomain':
      return reply(query, 'NXDOMAIN');
    case 'servfail':
      return reply(query, 'SERVFAIL');
    case 'timeout':
      return null;
    case 'answer':
      if (question.type !== 'A' && (question.type as string) !== 'ANY') return reply(query, 'NOERROR');
      return reply(query, 'NOERROR', [
        { type: 'A', name: question.name, ttl: TTL_S, class: 'IN', data: SIM_ADDRESS },
      ]);
  }
}

function reply(
  query: dnsPacket.DecodedPacket,
  rcode: Rcode,
  answers: dnsPacket.Answer[] = [],
): dnsPacket.Packet {
  const recursionDesired = query.flag_rd ? dnsPacket.RECURSION_DESIRED : 0;
  return {
    type: 'response',
    id: query.id ?? 0,
    // dns-packet carries the response code in the low four bits of `flags`.
    flags: dnsPacket.AUTHORITATIVE_ANSWER | recursionDesired | RCODE[rcode],
    questions: query.questions ?? [],
    answers,
  };
}
