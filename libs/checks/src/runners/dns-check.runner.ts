import { createSocket } from 'node:dgram';
import { getServers } from 'node:dns';
import { randomInt } from 'node:crypto';
import * as dnsPacket from 'dns-packet';
import type { CheckRunResult, CheckSpec, DnsRecordType } from '../check-run-result';
import { CheckFailure } from './check-failure';
import type { CheckRunner } from './check-runner';
import { resolveGuarded, toNetworkGuard } from './network-guard';
import { runWithDeadline } from './run-deadline';
import { RunTrace } from './run-trace';

const RECORD_TYPES: readonly DnsRecordType[] = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS'];

/** "host", "host:port", "[v6]" or "[v6]:port"; port 53 when none is given. */
export function parseResolver(text: string): { host: string; port: number } {
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (v6) return { host: v6[1], port: v6[2] ? Number(v6[2]) : 53 };
  const v4 = /^([^:]+)(?::(\d+))?$/.exec(text);
  if (v4) return { host: v4[1], port: v4[2] ? Number(v4[2]) : 53 };
  return { host: text, port: 53 }; // a bare IPv6 address
}

/** One answer as comparable text: addresses and names as-is, MX as "pref exchange", TXT joined. */
export function answerText(answer: dnsPacket.Answer): string | null {
  const data = (answer as { data?: unknown }).data;
  switch (answer.type) {
    case 'A':
    case 'AAAA':
    case 'CNAME':
    case 'NS':
      return String(data).toLowerCase();
    case 'MX': {
      const mx = data as { preference: number; exchange: string };
      return `${mx.preference} ${mx.exchange.toLowerCase()}`;
    }
    case 'TXT': {
      const parts = Array.isArray(data) ? data : [data];
      return parts.map((p) => (Buffer.isBuffer(p) ? p.toString('utf8') : String(p))).join('');
    }
    default:
      return null;
  }
}

/**
 * dns: asks one resolver directly over UDP (dns-packet over dgram) rather than through the OS
 * resolver, so a check can name its resolver host:port and see the real rcode (getaddrinfo hides
 * SERVFAIL vs NXDOMAIN). A truncated reply is judged as received; TCP fallback is not done.
 */
export class DnsCheckRunner implements CheckRunner {
  async check(spec: CheckSpec, signal?: AbortSignal): Promise<CheckRunResult> {
    const trace = new RunTrace();
    const settled = await runWithDeadline(spec.timeoutMs, signal, (abort) => this.run(spec, trace, abort));
    trace.timings.totalMs ??= trace.elapsed();
    return trace.finish(spec, settled);
  }

  private async run(spec: CheckSpec, trace: RunTrace, abort: AbortSignal): Promise<void> {
    const options = spec.options;
    const recordType = (options.record_type ?? 'A').toUpperCase() as DnsRecordType;
    if (!RECORD_TYPES.includes(recordType)) {
      throw new CheckFailure('dns', `record type ${recordType} is not supported (${RECORD_TYPES.join(', ')})`);
    }
    const resolverText = options.resolver ?? getServers()[0];
    if (!resolverText) throw new CheckFailure('dns', 'no resolver configured and the system has none');
    const resolver = parseResolver(resolverText);
    const resolved = await resolveGuarded(resolver.host, toNetworkGuard(spec.networkGuard));
    trace.ip = resolved.address;
    const name = spec.target.replace(/\.$/, '');
    const id = randomInt(0, 65536);
    const query = dnsPacket.encode({
      type: 'query',
      id,
      flags: dnsPacket.RECURSION_DESIRED,
      questions: [{ type: recordType, name }],
    });

    const started = performance.now();
    const reply = await new Promise<dnsPacket.DecodedPacket>((resolve, reject) => {
      const socket = createSocket(resolved.family === 6 ? 'udp6' : 'udp4');
      const close = () => {
        abort.removeEventListener('abort', onAbort);
        try {
          socket.close();
        } catch {
          /* already closed */
        }
      };
      const onAbort = () => {
        close();
        reject(abort.reason);
      };
      abort.addEventListener('abort', onAbort, { once: true });
      socket.on('message', (message: Buffer) => {
        let packet: dnsPacket.DecodedPacket;
        try {
          packet = dnsPacket.decode(message);
        } catch {
          return; // not a DNS reply: keep waiting for the real one
        }
        // A reply to another id is a stray or spoofed packet, not our answer.
        if (packet.id !== id) return;
        close();
        resolve(packet);
      });
      socket.once('error', (error) => {
        close();
        reject(error);
      });
      socket.send(query, resolver.port, resolved.address, (error) => {
        if (error) {
          close();
          reject(error);
        } else {
          trace.connected = true;
        }
      });
    });
    trace.timings.totalMs = performance.now() - started;

    const rcode = (reply as dnsPacket.DecodedPacket & { rcode?: string }).rcode ?? 'NOERROR';
    const answers = (reply.answers ?? [])
      .filter((a) => a.type === recordType)
      .map(answerText)
      .filter((t): t is string => t !== null);
    trace.dns = { resolver: `${resolved.address}:${resolver.port}`, recordType, rcode, answers };
    trace.context.dnsRcode = rcode;
    trace.context.body = answers.join('\n');
    if (recordType === 'A' || recordType === 'AAAA') trace.context.ip = answers[0];

    const expectedRcode = (options.rcode ?? 'NOERROR').toUpperCase();
    if (rcode !== expectedRcode) {
      // The server answered with an error: a DNS failure; a clean answer other than expected: an assertion.
      trace.failure = new CheckFailure(
        rcode === 'NOERROR' ? 'assertion' : 'dns',
        `${name} ${recordType}: rcode ${rcode}, expected ${expectedRcode}`,
      );
      return;
    }
    const expectRaw = options.expect;
    const expected = (expectRaw === undefined ? [] : Array.isArray(expectRaw) ? expectRaw : [expectRaw]).map((e) =>
      String(e).toLowerCase().replace(/\.$/, ''),
    );
    const got = new Set(answers.map((a) => a.replace(/\.$/, '')));
    const missing = expected.filter((e) => !got.has(e));
    if (missing.length > 0) {
      trace.failure = new CheckFailure(
        'assertion',
        `${name} ${recordType}: expected ${missing.join(', ')} among answers [${answers.join(', ')}]`,
      );
    }
  }
}
