import { CertificateAuthority, IssuedCertificate } from '../tls/certificate-authority';
import { TlsLabSetupSpec } from './tls-lab-setups';

const DAY_MS = 86_400_000;

/** The lab's name zone; like the fleet's, answered by no public resolver. */
export function labHostname(setup: string): string {
  return `${setup}.lab.sim.kuzet.test`;
}

/** The certificate a lab set-up serves: its host, localhost and 127.0.0.1, spoilt as the set-up says. */
export function labCertificate(
  ca: CertificateAuthority,
  spec: TlsLabSetupSpec,
  now: Date,
): IssuedCertificate {
  const host = labHostname(spec.name);
  const request = {
    commonName: host,
    dnsNames: [host, 'localhost'],
    ips: ['127.0.0.1'],
    notBefore: new Date(now.getTime() - 3600_000),
    notAfter: new Date(now.getTime() + 90 * DAY_MS),
    keyBits: spec.keyBits,
    digest: spec.digest,
  };
  switch (spec.certificate) {
    case 'valid':
      return ca.issue(request);
    case 'expired':
      return ca.issue({
        ...request,
        notBefore: new Date(now.getTime() - 400 * DAY_MS),
        notAfter: new Date(now.getTime() - 30 * DAY_MS),
      });
    case 'wrong-host':
      return ca.issue({
        ...request,
        commonName: 'wrong-host.invalid',
        dnsNames: ['wrong-host.invalid'],
        ips: [],
      });
    case 'self-signed':
      return ca.issueSelfSigned(request);
  }
}
