import { request as httpRequest } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { CertificateAuthority } from '../../apps/simulator/src/tls/certificate-authority';

const DAY_MS = 86_400_000;

export interface HttpsFront {
  /** https://127.0.0.1:<port> */
  baseUrl: string;
  /** The host name the certificate is for (send it as SNI). */
  servername: string;
  /** PEM of the CA that signed the certificate (trust it to verify). */
  caPem: string;
  close(): Promise<void>;
}

/**
 * A TLS-terminating front for an HTTP server, as a deployment puts before Kuzet (which serves plain
 * HTTP on PORT): it adds TLS and X-Forwarded-Proto, and passes status, headers and body through
 * unchanged, so what a client sees of the headers is the application's own.
 */
export async function startHttpsFront(upstream: string, servername = 'kuzet.test'): Promise<HttpsFront> {
  const ca = CertificateAuthority.create();
  const now = Date.now();
  const leaf = ca.issue({ commonName: servername, dnsNames: [servername], ips: ['127.0.0.1'], notBefore: new Date(now - DAY_MS), notAfter: new Date(now + 90 * DAY_MS) });
  const target = new URL(upstream);
  const server: Server = createServer({ cert: leaf.certPem, key: leaf.keyPem }, (req, res) => {
    const forward = httpRequest(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, 'x-forwarded-proto': 'https' } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.pipe(res);
      },
    );
    forward.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `https://127.0.0.1:${port}`,
    servername,
    caPem: ca.certPem,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
