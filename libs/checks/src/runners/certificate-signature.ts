/**
 * The signature algorithm of a DER certificate, as OpenSSL names it. Node's X509Certificate has
 * no accessor for it before v24, so the outer structure is read here:
 * Certificate ::= SEQUENCE { tbsCertificate SEQUENCE, signatureAlgorithm SEQUENCE { OID, ... }, signature }.
 */
const SIGNATURE_ALGORITHMS: Record<string, string> = {
  '1.2.840.113549.1.1.2': 'md2WithRSAEncryption',
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'rsassaPss',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.113549.1.1.14': 'sha224WithRSAEncryption',
  '1.2.840.10040.4.3': 'dsaWithSHA1',
  '2.16.840.1.101.3.4.3.2': 'dsa_with_SHA256',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10045.4.3.1': 'ecdsa-with-SHA224',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.3.101.112': 'ED25519',
  '1.3.101.113': 'ED448',
};

const SEQUENCE = 0x30;
const OBJECT_IDENTIFIER = 0x06;

interface Element {
  tag: number;
  /** Offset of the content, and the offset right after it. */
  start: number;
  end: number;
}

/** One DER element at `offset`; null when the bytes do not hold a whole one. */
function readElement(der: Uint8Array, offset: number): Element | null {
  if (offset + 2 > der.length) return null;
  const tag = der[offset];
  let length = der[offset + 1];
  let start = offset + 2;
  if (length & 0x80) {
    const octets = length & 0x7f;
    if (octets === 0 || octets > 4 || start + octets > der.length) return null;
    length = 0;
    for (let i = 0; i < octets; i++) length = length * 256 + der[start + i];
    start += octets;
  }
  const end = start + length;
  return end > der.length ? null : { tag, start, end };
}

/** Dotted text of an OID's content bytes. */
export function decodeOid(bytes: Uint8Array): string {
  const parts: number[] = [];
  let value = 0;
  for (const byte of bytes) {
    value = value * 128 + (byte & 0x7f);
    if (byte & 0x80) continue;
    if (parts.length === 0)
      parts.push(value < 80 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80);
    else parts.push(value);
    value = 0;
  }
  return parts.join('.');
}

/** The OpenSSL name of the certificate's signature algorithm (the dotted OID when unnamed); null when not a certificate. */
export function certificateSignatureAlgorithm(der: Uint8Array): string | null {
  const certificate = readElement(der, 0);
  if (!certificate || certificate.tag !== SEQUENCE) return null;
  const tbs = readElement(der, certificate.start);
  if (!tbs || tbs.tag !== SEQUENCE) return null;
  const algorithm = readElement(der, tbs.end);
  if (!algorithm || algorithm.tag !== SEQUENCE) return null;
  const oid = readElement(der, algorithm.start);
  if (!oid || oid.tag !== OBJECT_IDENTIFIER) return null;
  const dotted = decodeOid(der.subarray(oid.start, oid.end));
  return SIGNATURE_ALGORITHMS[dotted] ?? dotted;
}
