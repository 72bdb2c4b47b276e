import { Fault } from '../faults/fault.types';
import { CertificateAuthority, IssuedCertificate } from './certificate-authority';

const DAY_MS = 86_400_000;
/** A healthy leaf: long enough that no demo or test ever sees it near expiry. */
const HEALTHY_DAYS = 90;

export function systemHostname(code: string): string {
  return `${code}.sim.kuzet.test`;
}

/** Which certificate fault (if any) shapes the served certificate; its JSON is the cache key. */
export type CertificateFault = Extract<Fault, { type: 'cert_expiring' | 'cert_expired' | 'cert_invalid' }>;

/**
 * The certificate a system serves for a given certificate fault. The healthy leaf names the
 * system's DNS name, localhost and 127.0.0.1, so probes connecting by IP with or without SNI verify.
 */
export function certificateFor(
  ca: CertificateAuthority,
  code: string,
  fault: CertificateFault | undefined,
  now: Date,
): IssuedCertificate {
  const host = systemHostname(code);
  const healthy = {
    commonName: host,
    dnsNames: [host, 'localhost'],
    ips: ['127.0.0.1'],
    notBefore: new Date(now.getTime() - 3600_000),
    notAfter: new Date(now.getTime() + HEALTHY_DAYS * DAY_MS),
  };
  if (!fault) return ca.issue(healthy);
  switch (fault.type) {
    case 'cert_expiring':
      return ca.issue({ ...healthy, notAfter: new Date(now.getTime() + fault.days * DAY_MS) });
    case 'cert_expired': {
      const notAfter = new Date(now.getTime() - fault.days_ago * DAY_MS);
      return ca.issue({ ...healthy, notBefore: new Date(notAfter.getTime() - 365 * DAY_MS), notAfter });
    }
    case 'cert_invalid':
      if (fault.reason === 'self_signed') return ca.issueSelfSigned(healthy);
      // Signed by the trusted CA but for another name and no IP: only the hostname check fails.
      return ca.issue({
        ...healthy,
        commonName: `wrong-${code}.invalid`,
        dnsNames: [`wrong-${code}.invalid`],
        ips: [],
      });
  }
}
