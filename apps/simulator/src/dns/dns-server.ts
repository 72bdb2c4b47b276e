import * as dgram from 'node:dgram';
import * as net from 'node:net';
import * as dnsPacket from 'dns-packet';
import type { Logger } from 'pino';
import { LOOPBACK } from '../system/front-door';
import { answerDnsQuery, DnsLookup } from './dns-answer';

const MAX_TCP_MESSAGE = 4096;
const TCP_IDLE_MS = 10_000;

/**
 * One DNS server for the whole fleet, on UDP and TCP at the same port (as resolvers expect).
 * Malformed packets are dropped, never allowed to throw.
 */
export class DnsServer {
  private udp: dgram.Socket | null = null;
  private tcp: net.Server | null = null;
  private readonly tcpSockets = new Set<net.Socket>();
  private boundPort = 0;

  constructor(
    private readonly lookup: DnsLookup,
    private readonly logger: Logger,
  ) {}

  get port(): number {
    return this.boundPort;
  }

  /** Binds UDP first; with an ephemeral port, retries if TCP finds that number taken. */
  async start(port = 0): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const udp = await this.bindUdp(port);
      const udpPort = udp.address().port;
      try {
        this.tcp = await this.listenTcp(udpPort);
        this.udp = udp;
        this.boundPort = udpPort;
        return;
      } catch (err) {
        await new Promise<void>((resolve) => udp.close(() => resolve()));
        if (port !== 0 || attempt >= 5) throw err;
      }
    }
  }

  async stop(): Promise<void> {
    for (const s of this.tcpSockets) s.destroy();
    this.tcpSockets.clear();
    const udp = this.udp;
    const tcp = this.tcp;
    this.udp = null;
    this.tcp = null;
    await Promise.all([
      udp ? new Promise<void>((resolve) => udp.close(() => resolve())) : undefined,
      tcp ? new Promise<void>((resolve) => tcp.close(() => resolve())) : undefined,
    ]);
  }

  private answer(message: Buffer): Buffer | null {
    let query: dnsPacket.DecodedPacket;
    try {
      query = dnsPacket.decode(message);
    } catch {
      this.logger.debug({ event: 'dns.malformed', bytes: message.length }, 'dropped a malformed DNS packet');
      return null;
    }
    if (query.type === 'response') return null;
    const response = answerDnsQuery(query, this.lookup);
    return response ? dnsPacket.encode(response) : null;
  }

  private bindUdp(port: number): Promise<dgram.Socket> {
    return new Promise((resolve, reject) => {
      const udp = dgram.createSocket('udp4');
      udp.once('error', reject);
      udp.bind(port, LOOPBACK, () => {
        udp.off('error', reject);
        udp.on('error', (err) => this.logger.warn({ event: 'dns.udp_error', err }, 'DNS UDP socket error'));
        udp.on('message', (msg, rinfo) => {
          const out = this.answer(msg);
          if (out) udp.send(out, rinfo.port, rinfo.address);
        });
        resolve(udp);
      });
    });
  }

  private listenTcp(port: number): Promise<net.Server> {
    return new Promise((resolve, reject) => {
      const server = net.createServer((socket) => this.serveTcp(socket));
      server.once('error', reject);
      server.listen({ host: LOOPBACK, port }, () => {
        server.off('error', reject);
        resolve(server);
      });
    });
  }

  /** DNS over TCP: each message carries a two-byte length prefix (RFC 1035 §4.2.2). */
  private serveTcp(socket: net.Socket): void {
    this.tcpSockets.add(socket);
    socket.once('close', () => this.tcpSockets.delete(socket));
    socket.on('error', () => undefined);
    socket.setTimeout(TCP_IDLE_MS, () => socket.destroy());
    let buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      while (buffer.length >= 2) {
        const length = buffer.readUInt16BE(0);
        if (length > MAX_TCP_MESSAGE) {
          socket.destroy();
          return;
        }
        if (buffer.length < 2 + length) return;
        const message = buffer.subarray(2, 2 + length);
        buffer = buffer.subarray(2 + length);
        const out = this.answer(message);
        if (out) {
          const framed = Buffer.alloc(2 + out.length);
          framed.writeUInt16BE(out.length, 0);
          out.copy(framed, 2);
          socket.write(framed);
        }
      }
    });
  }
}
