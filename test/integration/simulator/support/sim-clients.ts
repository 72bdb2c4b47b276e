import * as dgram from 'node:dgram';
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import * as tls from 'node:tls';
import * as dnsPacket from 'dns-packet';

/** Real clients for the simulator's protocols; every one is bounded by a timeout. */

export interface HttpResult {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  ms: number;
  peerCertificate?: tls.PeerCertificate;
}

export interface HttpOptions {
  ca?: string;
  servername?: string;
  timeoutMs?: number;
  method?: string;
}

/** One request on a fresh connection (no keep-alive agent), so each call sees the current server. */
export function httpGet(url: string, options: HttpOptions = {}): Promise<HttpResult> {
  const started = Date.now();
  const secure = url.startsWith('https:');
  return new Promise((resolve, reject) => {
    const requestOptions: https.RequestOptions = { method: options.method ?? 'GET', agent: false };
    if (secure) {
      requestOptions.ca = options.ca;
      requestOptions.servername = options.servername;
    }
    const req = (secure ? https : http).request(url, requestOptions, (res) => {
      const chunks: Buffer[] = [];
      const cert = secure ? (res.socket as tls.TLSSocket).getPeerCertificate() : undefined;
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          ms: Date.now() - started,
          peerCertificate: cert,
        }),
      );
      res.on('error', reject);
    });
    req.setTimeout(options.timeoutMs ?? 3000, () =>
      req.destroy(Object.assign(new Error('client timeout'), { code: 'ETIMEDOUT' })),
    );
    req.on('error', reject);
    req.end();
  });
}

/** The error code a request fails with, or 'ok <status>' when it does not fail. */
export async function httpOutcome(url: string, options: HttpOptions = {}): Promise<string> {
  try {
    return `ok ${(await httpGet(url, options)).status}`;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code ?? (err as Error).message;
  }
}

export interface TlsOptions {
  port: number;
  version?: tls.SecureVersion;
  ca?: string;
  servername?: string;
  timeoutMs?: number;
}

/** A bare TLS handshake; resolves with the negotiated protocol or the failure's code. */
export function tlsHandshake(
  o: TlsOptions,
): Promise<{ ok: boolean; protocol?: string | null; code?: string; cert?: tls.PeerCertificate }> {
  return new Promise((resolve) => {
    const socket = tls.connect({
      host: '127.0.0.1',
      port: o.port,
      servername: o.servername,
      ca: o.ca,
      rejectUnauthorized: o.ca !== undefined,
      ...(o.version ? { minVersion: o.version, maxVersion: o.version } : {}),
      // TLS 1.0/1.1 need security level 0 on OpenSSL 3, on the client side too.
      ciphers: 'DEFAULT:@SECLEVEL=0',
    });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ ok: false, code: 'ETIMEDOUT' });
    }, o.timeoutMs ?? 3000);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      const result = { ok: true, protocol: socket.getProtocol(), cert: socket.getPeerCertificate() };
      socket.destroy();
      resolve(result);
    });
    socket.once('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ ok: false, code: err.code ?? err.message });
    });
  });
}

export type DnsReply = dnsPacket.DecodedPacket & { rcode: string };

/** One DNS query over UDP (default) or TCP; rejects with ETIMEDOUT when nothing comes back. */
export function dnsQuery(
  port: number,
  name: string,
  o: { type?: dnsPacket.RecordType; transport?: 'udp' | 'tcp'; timeoutMs?: number } = {},
): Promise<DnsReply> {
  const id = Math.floor(Math.random() * 65535);
  const query = {
    type: 'query' as const,
    id,
    flags: dnsPacket.RECURSION_DESIRED,
    questions: [{ type: o.type ?? 'A', name }],
  };
  const timeoutMs = o.timeoutMs ?? 2000;
  const timeout = () =>
    Object.assign(new Error(`no DNS answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' });
  if (o.transport === 'tcp') {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: '127.0.0.1', port });
      let buffer = Buffer.alloc(0);
      const timer = setTimeout(() => (socket.destroy(), reject(timeout())), timeoutMs);
      socket.on('connect', () => socket.write(dnsPacket.streamEncode(query)));
      socket.on('data', (chunk: Buffer) => {
        buffer = Buffer.concat([buffer, chunk]);
        if (buffer.length >= 2 && buffer.length >= 2 + buffer.readUInt16BE(0)) {
          clearTimeout(timer);
          socket.destroy();
          resolve(dnsPacket.decode(buffer.subarray(2, 2 + buffer.readUInt16BE(0))) as DnsReply);
        }
      });
      socket.on('error', (err) => (clearTimeout(timer), reject(err)));
    });
  }
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket('udp4');
    const timer = setTimeout(() => (socket.close(), reject(timeout())), timeoutMs);
    socket.on('message', (msg) => {
      const reply = dnsPacket.decode(msg) as DnsReply;
      if (reply.id !== id) return;
      clearTimeout(timer);
      socket.close();
      resolve(reply);
    });
    socket.on('error', (err) => (clearTimeout(timer), socket.close(), reject(err)));
    socket.send(dnsPacket.encode(query), port, '127.0.0.1');
  });
}

/** Connects, reads the banner line, optionally sends lines and reads one reply line per line sent. */
export function tcpTalk(port: number, send: string[] = [], timeoutMs = 2000): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const lines: string[] = [];
    let buffer = '';
    const timer = setTimeout(
      () => (
        socket.destroy(),
        reject(Object.assign(new Error('no TCP reply'), { code: 'ETIMEDOUT', lines }))
      ),
      timeoutMs,
    );
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let i: number;
      while ((i = buffer.indexOf('\r\n')) !== -1) {
        lines.push(buffer.slice(0, i));
        buffer = buffer.slice(i + 2);
        if (lines.length === 1) for (const line of send) socket.write(`${line}\r\n`);
      }
      if (lines.length >= 1 + send.length) {
        clearTimeout(timer);
        socket.destroy();
        resolve(lines);
      }
    });
    socket.on('error', (err) => (clearTimeout(timer), reject(err)));
  });
}

/** Error code of a plain TCP connect ('connected' when it connects). */
export function tcpConnectOutcome(port: number, timeoutMs = 2000): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const timer = setTimeout(() => (socket.destroy(), resolve('ETIMEDOUT')), timeoutMs);
    socket.once('connect', () => (clearTimeout(timer), socket.destroy(), resolve('connected')));
    socket.once(
      'error',
      (err: NodeJS.ErrnoException) => (clearTimeout(timer), resolve(err.code ?? err.message)),
    );
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
