import { X509Certificate } from 'node:crypto';
import type { DetailedPeerCertificate, TLSSocket } from 'node:tls';
import type { TlsDetails } from '../check-run-result';
import { certificateSignatureAlgorithm } from './certificate-signature';
import { cipherStrengthBits } from './cipher-strength';

/** The facts the tls kind adds to TlsDetails for the tech-debt score. */
export type CertificateFacts = Pick<
  TlsDetails,
  'keyType' | 'keyBits' | 'cipherBits' | 'signatureAlgorithm' | 'chainLength' | 'selfSigned'
>;

const KEY_TYPES: Record<string, NonNullable<TlsDetails['keyType']>> = {
  rsa: 'RSA',
  'rsa-pss': 'RSA',
  ec: 'EC',
  dsa: 'DSA',
};
const CURVE_BITS: Record<string, number> = { prime256v1: 256, secp384r1: 384, secp521r1: 521 };

/**
 * Key, signature and chain of the peer's certificate, and the strength of the negotiated suite.
 * Read right after the handshake; only the tls kind pays for it (X509 parsing is not free).
 */
export function describeCertificateFacts(socket: TLSSocket): CertificateFacts {
  const facts: CertificateFacts = {};
  const cipher = socket.getCipher();
  const bits = cipherStrengthBits(cipher?.standardName ?? cipher?.name);
  if (bits !== null) facts.cipherBits = bits;
  const leaf = socket.getPeerCertificate(true);
  if (!leaf?.raw) return facts;
  facts.chainLength = chainLength(leaf);
  const signature = certificateSignatureAlgorithm(leaf.raw);
  if (signature) facts.signatureAlgorithm = signature;
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(leaf.raw);
  } catch {
    return facts;
  }
  const key = x509.publicKey;
  facts.keyType = KEY_TYPES[key.asymmetricKeyType ?? ''] ?? 'other';
  const details = key.asymmetricKeyDetails;
  const keyBits =
    details?.modulusLength ?? (details?.namedCurve ? CURVE_BITS[details.namedCurve] : undefined);
  if (keyBits !== undefined) facts.keyBits = keyBits;
  facts.selfSigned = signsItself(x509);
  return facts;
}

/** Certificates from the leaf up to the last issuer known (Node links a root to itself). */
function chainLength(leaf: DetailedPeerCertificate): number {
  const seen = new Set<string>();
  let cert: DetailedPeerCertificate | undefined = leaf;
  while (cert?.raw && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    cert = cert.issuerCertificate;
  }
  return seen.size;
}

function signsItself(x509: X509Certificate): boolean {
  try {
    // Issuer = subject and its own key verifies the signature (checkIssued would also demand
    // keyCertSign, which a self-signed server certificate usually lacks).
    return x509.issuer === x509.subject && x509.verify(x509.publicKey);
  } catch {
    return false;
  }
}
