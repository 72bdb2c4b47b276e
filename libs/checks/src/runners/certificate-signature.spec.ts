import { generateKeyPairSync } from 'node:crypto';
import * as forge from 'node-forge';
import { certificateSignatureAlgorithm, decodeOid } from './certificate-signature';

/** A real certificate, self-signed with `digest`, as DER bytes. */
function certificateDer(digest: 'sha1' | 'sha256' | 'sha512'): Buffer {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date('2026-01-01T00:00:00Z');
  cert.validity.notAfter = new Date('2027-01-01T00:00:00Z');
  cert.setSubject([{ name: 'commonName', value: 'signature.test' }]);
  cert.setIssuer([{ name: 'commonName', value: 'signature.test' }]);
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  cert.sign(key, forge.md[digest].create());
  return Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
}

/** DER of SEQUENCE { SEQUENCE {}, SEQUENCE { OID }, BIT STRING {} } around the given OID content. */
function skeleton(oid: number[]): Buffer {
  const algorithm = Buffer.from([0x30, oid.length + 2, 0x06, oid.length, ...oid]);
  const body = Buffer.concat([Buffer.from([0x30, 0x00]), algorithm, Buffer.from([0x03, 0x01, 0x00])]);
  return Buffer.concat([Buffer.from([0x30, body.length]), body]);
}

describe('certificate signature algorithm', () => {
  it.each([
    ['sha1', 'sha1WithRSAEncryption'],
    ['sha256', 'sha256WithRSAEncryption'],
    ['sha512', 'sha512WithRSAEncryption'],
  ] as const)('reads a %s-signed certificate as %s', (digest, name) => {
    expect(certificateSignatureAlgorithm(certificateDer(digest))).toBe(name);
  });

  it('names ECDSA and unnamed algorithms', () => {
    // 1.2.840.10045.4.3.2
    expect(certificateSignatureAlgorithm(skeleton([0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02]))).toBe(
      'ecdsa-with-SHA256',
    );
    // 1.2.3.4 is no signature algorithm: its dotted form comes back
    expect(certificateSignatureAlgorithm(skeleton([0x2a, 0x03, 0x04]))).toBe('1.2.3.4');
  });

  it('decodes multi-byte OID arcs', () => {
    expect(decodeOid(Buffer.from([0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b]))).toBe(
      '1.2.840.113549.1.1.11',
    );
  });

  it('is null for bytes that are not a certificate', () => {
    expect(certificateSignatureAlgorithm(Buffer.from('not a certificate'))).toBeNull();
    expect(certificateSignatureAlgorithm(Buffer.from([0x30, 0x82, 0xff]))).toBeNull();
    expect(certificateSignatureAlgorithm(Buffer.alloc(0))).toBeNull();
  });
});
