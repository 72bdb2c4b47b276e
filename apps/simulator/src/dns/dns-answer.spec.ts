import * as dnsPacket from 'dns-packet';
import { answerDnsQuery, DnsBehaviour } from './dns-answer';

const query = (name: string, type: dnsPacket.RecordType = 'A') =>
  dnsPacket.decode(
    dnsPacket.encode({
      type: 'query',
      id: 4242,
      flags: dnsPacket.RECURSION_DESIRED,
      questions: [{ type, name }],
    }),
  );
const behaviours: Record<string, DnsBehaviour> = {
  esf: 'answer',
  damumed: 'servfail',
  adilet: 'nxdomain',
  nobd: 'timeout',
};
const lookup = (code: string) => behaviours[code] ?? null;
/** Round-trips through the wire format, as a client would see it. */
const ask = (name: string, type?: dnsPacket.RecordType) => {
  const reply = answerDnsQuery(query(name, type), lookup);
  return reply && (dnsPacket.decode(dnsPacket.encode(reply)) as dnsPacket.DecodedPacket & { rcode: string });
};

describe('answerDnsQuery', () => {
  it('answers A for a known system, authoritatively, case-insensitively', () => {
    const r = ask('ESF.sim.kuzet.test')!;
    expect(r.rcode).toBe('NOERROR');
    expect(r.id).toBe(4242);
    expect(r.flag_aa).toBe(true);
    expect(r.flag_rd).toBe(true);
    expect(r.answers).toEqual([expect.objectContaining({ type: 'A', data: '127.0.0.1', ttl: 5 })]);
  });

  it('answers NODATA for other record types of a known name', () => {
    const r = ask('esf.sim.kuzet.test', 'AAAA')!;
    expect(r.rcode).toBe('NOERROR');
    expect(r.answers).toEqual([]);
  });

  it('answers NXDOMAIN for unknown names and names outside the zone', () => {
    expect(ask('nope.sim.kuzet.test')!.rcode).toBe('NXDOMAIN');
    expect(ask('a.esf.sim.kuzet.test')!.rcode).toBe('NXDOMAIN');
    expect(ask('example.com')!.rcode).toBe('NXDOMAIN');
  });

  it('applies DNS faults', () => {
    expect(ask('damumed.sim.kuzet.test')!.rcode).toBe('SERVFAIL');
    expect(ask('adilet.sim.kuzet.test')!.rcode).toBe('NXDOMAIN');
    expect(ask('nobd.sim.kuzet.test')).toBeNull();
  });

  it('answers FORMERR to a query without a question', () => {
    const empty = dnsPacket.decode(dnsPacket.encode({ type: 'query', id: 1, questions: [] }));
    expect(
      (dnsPacket.decode(dnsPacket.encode(answerDnsQuery(empty, lookup)!)) as { rcode?: string }).rcode,
    ).toBe('FORMERR');
  });
});
