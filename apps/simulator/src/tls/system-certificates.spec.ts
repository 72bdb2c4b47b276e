import { X509Certificate } from 'node:crypto';
import { CertificateAuthority } from './certificate-authority';
import { certificateFor, systemHostname } from './system-certificates';

const DAY = 86_400_000;

describe('certificateFor', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  const ca = CertificateAuthority.create(now);
  const caCert = new X509Certificate(ca.certPem);

  it('makes a CA certificate', () => {
    expect(caCert.ca).toBe(true);
    expect(caCert.verify(caCert.publicKey)).toBe(true);
  });

  it('issues a healthy leaf for the system name, localhost and 127.0.0.1, signed by the CA', () => {
    const leaf = new X509Certificate(certificateFor(ca, 'esf', undefined, now).certPem);
    expect(leaf.subjectAltName).toBe('DNS:esf.sim.kuzet.test, DNS:localhost, IP Address:127.0.0.1');
    expect(leaf.checkIssued(caCert)).toBe(true);
    expect(leaf.verify(caCert.publicKey)).toBe(true);
    expect(leaf.checkHost(systemHostname('esf'))).toBe('esf.sim.kuzet.test');
    expect(leaf.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(new Date(leaf.validTo).getTime() - now.getTime()).toBeGreaterThan(60 * DAY);
    expect(leaf.ca).toBe(false);
  });

  it('issues a leaf that expires in N days', () => {
    const leaf = new X509Certificate(
      certificateFor(ca, 'adilet', { type: 'cert_expiring', days: 5 }, now).certPem,
    );
    const left = new Date(leaf.validTo).getTime() - now.getTime();
    expect(Math.abs(left - 5 * DAY)).toBeLessThan(2000);
    expect(leaf.verify(caCert.publicKey)).toBe(true);
  });

  it('issues an expired leaf', () => {
    const leaf = new X509Certificate(
      certificateFor(ca, 'adilet', { type: 'cert_expired', days_ago: 3 }, now).certPem,
    );
    expect(new Date(leaf.validTo).getTime()).toBeLessThan(now.getTime() - 2 * DAY);
    expect(new Date(leaf.validFrom).getTime()).toBeLessThan(new Date(leaf.validTo).getTime());
  });

  it('issues a self-signed leaf the CA did not sign', () => {
    const leaf = new X509Certificate(
      certificateFor(ca, 'esf', { type: 'cert_invalid', reason: 'self_signed' }, now).certPem,
    );
    expect(leaf.checkIssued(caCert)).toBe(false);
    expect(leaf.issuer).toBe(leaf.subject);
    expect(leaf.verify(leaf.publicKey)).toBe(true);
  });

  it('issues a CA-signed leaf for the wrong name', () => {
    const leaf = new X509Certificate(
      certificateFor(ca, 'esf', { type: 'cert_invalid', reason: 'wrong_hostname' }, now).certPem,
    );
    expect(leaf.verify(caCert.publicKey)).toBe(true);
    expect(leaf.checkHost('esf.sim.kuzet.test')).toBeUndefined();
    expect(leaf.checkIP('127.0.0.1')).toBeUndefined();
  });
});
