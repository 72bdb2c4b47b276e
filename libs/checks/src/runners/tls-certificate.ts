import { rootCertificates, TLSSocket } from 'node:tls';
import type { PeerCertificate } from 'node:tls';
import type { TlsDetails } from '../check-run-result';

const DAY_MS = 86_400_000;

/**
 * The trust store for a run: the system CAs plus the check's own PEM. Node's `ca` option
 * replaces the defaults, so they are put back explicitly: an agency's private CA must add to
 * public trust, not replace it.
 */
export function trustedCas(caPem: string | undefined): string[] | undefined {
  return caPem ? [...rootCertificates, caPem] : undefined;
}

function distinguishedName(name: PeerCertificate['subject'] | undefined): string {
  if (!name) return '';
  return Object.entries(name)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`)
    .join(', ');
}

/** Cipher names that use ephemeral key exchange; every TLS 1.3 suite does. */
export function hasForwardSecrecy(protocol: string | null, cipher: string | null): boolean {
  if (protocol === 'TLSv1.3') return true;
  return !!cipher && /(^|[-_])(ECDHE|DHE|EDH)[-_]/.test(cipher);
}

/**
 * What the connection tells about its certificate and protocol, read right after the handshake
 * (before any destroy, while the peer certificate is still attached). Null when the peer sent none.
 */
export function describeTlsSocket(socket: TLSSocket, now = Date.now()): TlsDetails | null {
  const cert = socket.getPeerCertificate();
  if (!cert || Object.keys(cert).length === 0) return null;
  const validTo = new Date(cert.valid_to);
  const cipher = socket.getCipher()?.name ?? null;
  const protocol = socket.getProtocol() ?? null;
  const details: TlsDetails = {
    protocol,
    cipher,
    subject: distinguishedName(cert.subject),
    issuer: distinguishedName(cert.issuer),
    validFrom: new Date(cert.valid_from).toISOString(),
    validTo: validTo.toISOString(),
    daysToExpiry: Math.floor((validTo.getTime() - now) / DAY_MS),
    chainValid: socket.authorized,
  };
  if (!socket.authorized && socket.authorizationError) {
    details.authorizationError = String(socket.authorizationError);
  }
  const bits = (cert as PeerCertificate & { bits?: number }).bits;
  if (typeof bits === 'number') details.keyBits = bits;
  details.forwardSecrecy = hasForwardSecrecy(protocol, cipher);
  return details;
}

export function certificateExpiresInMs(details: TlsDetails | undefined | null, now = Date.now()): number | undefined {
  return details ? new Date(details.validTo).getTime() - now : undefined;
}
