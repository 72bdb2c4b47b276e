import * as http2 from 'node:http2';
import * as https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { TlsOptions } from 'node:tls';
import { LOOPBACK } from '../system/front-door';
import { CertificateAuthority } from '../tls/certificate-authority';
import { tlsVersionOptions } from '../tls/tls-versions';
import { labCertificate, labHostname } from './tls-lab-certificate';
import { TLS_LAB_SETUPS, TlsLabSetupSpec } from './tls-lab-setups';
import { TlsLabHandle, TlsLabSetup } from './tls-lab.types';

/** OpenSSL 3 refuses old protocols, 1024-bit keys and SHA-1 signatures above security level 0. */
const LEVEL_ZERO = '@SECLEVEL=0';

export interface TlsLabOptions {
  /** The CA to issue from (the running simulator's, so one trust file covers both); default a fresh one. */
  ca?: CertificateAuthority;
  now?: Date;
}

type LabServer = https.Server | http2.Http2SecureServer;

interface PlainResponse {
  writeHead(status: number, headers: Record<string, string>): unknown;
  end(body: string): unknown;
}

/**
 * A TLS lab: one HTTPS server per set-up of TLS_LAB_SETUPS on its own loopback port, each a
 * configuration the SSL Labs rating guide grades (old protocols, no forward secrecy, weak key,
 * SHA-1, bad certificates), so the runners and the scorer can be checked against real handshakes.
 */
export async function startTlsLab(options: TlsLabOptions = {}): Promise<TlsLabHandle> {
  const ca = options.ca ?? CertificateAuthority.create();
  const now = options.now ?? new Date();
  const servers: LabServer[] = [];
  const sockets = new Set<Socket>();
  const setups: TlsLabSetup[] = [];
  const close = async () => {
    const closed = Promise.all(servers.map(closeServer));
    // HTTP/2 sessions keep a server open; every connection the lab accepted is torn down.
    for (const socket of sockets) socket.destroy();
    await closed;
  };
  try {
    for (const spec of TLS_LAB_SETUPS) {
      const server = labServer(spec, ca, now);
      servers.push(server);
      server.on('connection', (socket: Socket) => {
        sockets.add(socket);
        socket.once('close', () => sockets.delete(socket));
      });
      const port = await listen(server);
      setups.push({
        name: spec.name,
        description: spec.description,
        port,
        host: labHostname(spec.name),
        caPem: ca.certPem,
      });
    }
  } catch (error) {
    await close();
    throw error;
  }
  let closing: Promise<void> | null = null;
  return { setups, close: () => (closing ??= close()) };
}

function labServer(spec: TlsLabSetupSpec, ca: CertificateAuthority, now: Date): LabServer {
  const certificate = labCertificate(ca, spec, now);
  const versions = tlsVersionOptions(spec.versions);
  const weak = spec.keyBits !== undefined && spec.keyBits < 2048;
  const levelZero = versions.ciphers !== undefined || weak || spec.digest === 'sha1';
  const ciphers = spec.ciphers ?? (levelZero ? 'DEFAULT' : undefined);
  const tls: TlsOptions = {
    key: certificate.keyPem,
    cert: certificate.certPem,
    minVersion: versions.minVersion,
    maxVersion: versions.maxVersion,
    secureOptions: versions.secureOptions,
    ...(ciphers ? { ciphers: levelZero ? `${ciphers}:${LEVEL_ZERO}` : ciphers } : {}),
  };
  const respond = (res: PlainResponse) => {
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(`Kuzet TLS lab: ${spec.name}\n`);
  };
  if (spec.http2) return http2.createSecureServer({ ...tls, allowHTTP1: true }, (_req, res) => respond(res));
  return https.createServer({ ...tls, keepAliveTimeout: 1_000 }, (_req, res) => respond(res));
}

function listen(server: LabServer): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: LOOPBACK, port: 0 }, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: LabServer): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve) => {
    server.close(() => resolve());
  });
}
