import { generateKeyPairSync, randomBytes } from 'node:crypto';
import * as forge from 'node-forge';

const DAY_MS = 86_400_000;

export interface IssuedCertificate {
  certPem: string;
  keyPem: string;
}

export interface LeafRequest {
  commonName: string;
  dnsNames: string[];
  ips: string[];
  notBefore: Date;
  notAfter: Date;
  /** A key of its own with this many RSA bits instead of the shared 2048-bit leaf key (the TLS lab's weak key). */
  keyBits?: number;
  /** The signature's digest (default sha256; sha1 for the TLS lab's deprecated signature). */
  digest?: 'sha256' | 'sha1';
}

interface KeyPair {
  pem: string;
  forgePrivate: forge.pki.rsa.PrivateKey;
  forgePublic: forge.pki.rsa.PublicKey;
}

/**
 * The simulator's own test CA, made fresh at every start. Keys come from node:crypto (native,
 * ~100x faster than forge's pure-JS RSA); forge only builds and signs the certificates. All
 * leaves share one key: a simulator has no secrets to protect, and one key instead of ~40
 * keeps start-up well under a second.
 */
export class CertificateAuthority {
  readonly certPem: string;
  private readonly caCert: forge.pki.Certificate;

  private constructor(
    private readonly caKey: KeyPair,
    private readonly leafKey: KeyPair,
    now: Date,
  ) {
    const cert = forge.pki.createCertificate();
    cert.publicKey = caKey.forgePublic;
    cert.serialNumber = serial();
    cert.validity.notBefore = new Date(now.getTime() - 2 * DAY_MS);
    cert.validity.notAfter = new Date(now.getTime() + 3650 * DAY_MS);
    const subject = [
      { name: 'commonName', value: `Kuzet Simulator Test CA ${now.toISOString().slice(0, 19)}` },
      { name: 'organizationName', value: 'Kuzet simulator (test only)' },
    ];
    cert.setSubject(subject);
    cert.setIssuer(subject);
    cert.setExtensions([
      { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
      { name: 'subjectKeyIdentifier' },
    ]);
    cert.sign(caKey.forgePrivate, forge.md.sha256.create());
    this.caCert = cert;
    this.certPem = forge.pki.certificateToPem(cert);
  }

  static create(now = new Date()): CertificateAuthority {
    return new CertificateAuthority(rsaKeyPair(), rsaKeyPair(), now);
  }

  /** A server certificate signed by this CA. */
  issue(request: LeafRequest): IssuedCertificate {
    return this.build(request, true);
  }

  /** A server certificate that signs itself: no client trusting only this CA accepts it. */
  issueSelfSigned(request: LeafRequest): IssuedCertificate {
    return this.build(request, false);
  }

  private build(request: LeafRequest, byCa: boolean): IssuedCertificate {
    const leafKey = request.keyBits ? rsaKeyPair(request.keyBits) : this.leafKey;
    const cert = forge.pki.createCertificate();
    cert.publicKey = leafKey.forgePublic;
    cert.serialNumber = serial();
    cert.validity.notBefore = request.notBefore;
    cert.validity.notAfter = request.notAfter;
    const subject = [
      { name: 'commonName', value: request.commonName },
      { name: 'organizationName', value: 'Kuzet simulator (test only)' },
    ];
    cert.setSubject(subject);
    // Self-signed means issuer == subject, signed by its own key: what clients report as such.
    cert.setIssuer(byCa ? this.caCert.subject.attributes : subject);
    const altNames = [
      ...request.dnsNames.map((value) => ({ type: 2, value })),
      ...request.ips.map((ip) => ({ type: 7, ip })),
    ];
    const extensions: unknown[] = [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames },
      { name: 'subjectKeyIdentifier' },
    ];
    if (byCa)
      extensions.push({
        name: 'authorityKeyIdentifier',
        keyIdentifier: this.caCert.generateSubjectKeyIdentifier().getBytes(),
      });
    cert.setExtensions(extensions as never[]);
    const digest = request.digest === 'sha1' ? forge.md.sha1.create() : forge.md.sha256.create();
    cert.sign(byCa ? this.caKey.forgePrivate : leafKey.forgePrivate, digest);
    return { certPem: forge.pki.certificateToPem(cert), keyPem: leafKey.pem };
  }
}

function rsaKeyPair(bits = 2048): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return {
    pem,
    forgePrivate: forge.pki.privateKeyFromPem(pem),
    forgePublic: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
  };
}

/** 16 random bytes with the top bit cleared: DER serials must be positive. */
function serial(): string {
  const bytes = randomBytes(16);
  bytes[0] &= 0x7f;
  bytes[0] |= 0x01;
  return bytes.toString('hex');
}
