import type { Finding } from './system-score';
import { rateTls, rateTlsEndpoint } from './tls-rating';
import { SSL_LABS_REFERENCE_SETUPS, type SslLabsReferenceSetup } from './ssl-labs-reference-setups';
import { tlsCategoryScores } from './tls-categories';
import { tlsEvidence } from './scoring-evidence.fixture';

const lost = (findings: Finding[]) => Math.round(findings.reduce((s, f) => s + f.pointsLost, 0) * 10) / 10;
const rules = (findings: Finding[]) => findings.map((f) => f.rule).sort();

/** What the TLS probe reports for a reference set-up (as the simulator's TLS lab serves it). */
function evidenceFor(setup: SslLabsReferenceSetup) {
  const best = setup.versions.at(-1)!;
  const cipher = best === 'TLSv1.3' ? 'TLS_AES_128_GCM_SHA256' : setup.aead ? (setup.forwardSecrecy ? 'ECDHE-RSA-AES128-GCM-SHA256' : 'AES128-GCM-SHA256') : 'ECDHE-RSA-AES128-SHA';
  const error = { valid: null, expired: 'CERT_HAS_EXPIRED', 'wrong-host': 'ERR_TLS_CERT_ALTNAME_INVALID', 'self-signed': 'DEPTH_ZERO_SELF_SIGNED_CERT' }[setup.certificate === 'valid' ? 'valid' : setup.certificate];
  return tlsEvidence({
    acceptedVersions: [...setup.versions],
    negotiatedVersion: best,
    cipher,
    cipherBits: 128,
    forwardSecrecy: setup.forwardSecrecy || best === 'TLSv1.3',
    keyType: setup.key.type,
    keyBits: setup.key.bits,
    certificate: {
      valid: setup.certificate === 'valid' && setup.signature !== 'sha1',
      error,
      daysToExpiry: setup.certificate === 'expired' ? -3 : 80,
      signatureAlgorithm: setup.signature === 'sha1' ? 'sha1WithRSAEncryption' : 'sha256WithRSAEncryption',
      selfSigned: setup.certificate === 'self-signed',
      chainLength: setup.certificate === 'self-signed' ? 1 : 2,
    },
  });
}

describe('SSL Labs rating guide: numeric categories', () => {
  it('Table 2: protocol support is the average of the best and worst version', () => {
    expect(tlsCategoryScores(tlsEvidence({ acceptedVersions: ['TLSv1'] })).protocol).toBe(90);
    expect(tlsCategoryScores(tlsEvidence({ acceptedVersions: ['TLSv1.1'] })).protocol).toBe(95);
    expect(tlsCategoryScores(tlsEvidence({ acceptedVersions: ['TLSv1', 'TLSv1.2'] })).protocol).toBe(95);
    expect(tlsCategoryScores(tlsEvidence({ acceptedVersions: ['TLSv1.2', 'TLSv1.3'] })).protocol).toBe(100);
  });

  it('Table 3: key exchange by key size, EC keys by their RSA equivalent', () => {
    const key = (keyType: 'RSA' | 'EC', keyBits: number) => tlsCategoryScores(tlsEvidence({ keyType, keyBits })).keyExchange;
    expect(key('RSA', 384)).toBe(20);
    expect(key('RSA', 512)).toBe(40);
    expect(key('RSA', 1024)).toBe(80);
    expect(key('RSA', 2048)).toBe(90);
    expect(key('RSA', 4096)).toBe(100);
    expect(key('EC', 256)).toBe(90);
    expect(key('EC', 384)).toBe(100);
  });

  it('Table 4: cipher strength by symmetric bits, from the name when bits are not reported', () => {
    const cipher = (c: string, bits: number | null) => tlsCategoryScores(tlsEvidence({ cipher: c, cipherBits: bits })).cipher;
    expect(cipher('TLS_AES_256_GCM_SHA384', 256)).toBe(100);
    expect(cipher('ECDHE-RSA-AES128-GCM-SHA256', 128)).toBe(80);
    expect(cipher('ECDHE-RSA-AES128-GCM-SHA256', null)).toBe(80);
    expect(cipher('ECDHE-RSA-CHACHA20-POLY1305', null)).toBe(100);
    expect(cipher('EXP-DES-CBC-SHA', null)).toBe(20);
    expect(cipher('NULL-SHA', null)).toBe(0);
  });

  it('numeric score = 0.3 protocol + 0.3 key + 0.4 cipher, and 0 when a category is 0', () => {
    expect(tlsCategoryScores(tlsEvidence({ acceptedVersions: ['TLSv1'], cipherBits: 128 })).numeric).toBe(0.3 * 90 + 0.3 * 90 + 0.4 * 80);
    expect(tlsCategoryScores(tlsEvidence({ cipher: 'NULL-SHA', cipherBits: 0 })).numeric).toBe(0);
  });
});

describe('SSL Labs rating guide: rules', () => {
  it('a modern set-up is A with nothing lost; A+ with HSTS of six months or more', () => {
    const modern = rateTlsEndpoint(tlsEvidence());
    expect(modern.grade).toBe('A');
    expect(modern.points).toBe(20);
    expect(modern.findings).toEqual([]);
    expect(rateTlsEndpoint(tlsEvidence(), { hstsMaxAge: 31_536_000 }).grade).toBe('A+');
    expect(rateTlsEndpoint(tlsEvidence(), { hstsMaxAge: 86_400 }).grade).toBe('A');
  });

  it('TLS 1.0 or 1.1 caps B; one finding per version, sharing the 6 points', () => {
    const r = rateTlsEndpoint(tlsEvidence({ acceptedVersions: ['TLSv1', 'TLSv1.1', 'TLSv1.2'], negotiatedVersion: 'TLSv1.2', cipher: 'ECDHE-RSA-AES256-GCM-SHA384' }));
    expect(r.grade).toBe('B');
    expect(r.points).toBe(14);
    expect(rules(r.findings)).toEqual(['tls.protocol.tls10', 'tls.protocol.tls11']);
    expect(r.findings.map((f) => f.pointsLost)).toEqual([3, 3]);
    expect(r.findings[0].source.url).toContain('grade-change-for-tls-1-0-and-tls-1-1');
  });

  it('no TLS 1.2 caps C', () => {
    const r = rateTlsEndpoint(tlsEvidence({ acceptedVersions: ['TLSv1.1'], negotiatedVersion: 'TLSv1.1', cipher: 'ECDHE-RSA-AES256-SHA' }));
    expect(r.grade).toBe('C');
    expect(r.points).toBe(10);
    expect(rules(r.findings)).toEqual(['tls.cipher.not_aead', 'tls.protocol.no_tls12', 'tls.protocol.tls11']);
    // A -> B (6 points) shared by the three rules holding B or lower; B -> C (4) by no_tls12 alone.
    expect(r.findings.find((f) => f.rule === 'tls.protocol.no_tls12')!.pointsLost).toBe(6);
    expect(lost(r.findings)).toBe(10);
  });

  it('no forward secrecy caps B', () => {
    const r = rateTlsEndpoint(tlsEvidence({ acceptedVersions: ['TLSv1.2'], negotiatedVersion: 'TLSv1.2', cipher: 'AES256-GCM-SHA384', forwardSecrecy: false }));
    expect(r.grade).toBe('B');
    expect(rules(r.findings)).toEqual(['tls.forward_secrecy.missing']);
    expect(r.findings[0].pointsLost).toBe(6);
  });

  it('a CBC suite negotiated by a modern client caps B (AEAD rule)', () => {
    const r = rateTlsEndpoint(tlsEvidence({ acceptedVersions: ['TLSv1.2'], negotiatedVersion: 'TLSv1.2', cipher: 'ECDHE-RSA-AES256-SHA384' }));
    expect(r.grade).toBe('B');
    expect(rules(r.findings)).toEqual(['tls.cipher.not_aead']);
  });

  it('3DES with TLS 1.1 or newer caps C', () => {
    const r = rateTlsEndpoint(tlsEvidence({ acceptedVersions: ['TLSv1.2'], negotiatedVersion: 'TLSv1.2', cipher: 'ECDHE-RSA-DES-CBC3-SHA', cipherBits: 112 }));
    expect(r.grade).toBe('C');
    expect(rules(r.findings)).toContain('tls.cipher.3des');
  });

  it('RSA keys below 2048 bits cap B, below 1024 bits give F', () => {
    const weak = rateTlsEndpoint(tlsEvidence({ keyBits: 1024 }));
    expect(weak.grade).toBe('B');
    expect(rules(weak.findings)).toEqual(['tls.key.weak']);
    const insecure = rateTlsEndpoint(tlsEvidence({ keyBits: 512 }));
    expect(insecure.grade).toBe('F');
    expect(insecure.points).toBe(0);
    expect(rules(insecure.findings)).toEqual(['tls.key.insecure']);
    expect(insecure.findings[0].pointsLost).toBe(20);
  });

  it('the probe client refusing a 1024-bit key or a SHA-1 leaf (its security level) is judged by the key and signature rules', () => {
    const refusedKey = rateTlsEndpoint(tlsEvidence({ keyBits: 1024, certificate: { valid: false, error: 'EE_KEY_TOO_SMALL' } }));
    expect({ grade: refusedKey.grade, rules: rules(refusedKey.findings) }).toEqual({ grade: 'B', rules: ['tls.key.weak'] });
    const refusedDigest = rateTlsEndpoint(tlsEvidence({ certificate: { valid: false, error: 'CA_MD_TOO_WEAK', signatureAlgorithm: 'sha1WithRSAEncryption' } }));
    expect({ grade: refusedDigest.grade, rules: rules(refusedDigest.findings) }).toEqual({ grade: 'T', rules: ['tls.certificate.sha1'] });
    // a weak digest further up the chain is a trust failure
    expect(rateTlsEndpoint(tlsEvidence({ certificate: { valid: false, error: 'CA_MD_TOO_WEAK' } })).grade).toBe('T');
  });

  it('an MD5 signature gives F', () => {
    expect(rateTlsEndpoint(tlsEvidence({ certificate: { signatureAlgorithm: 'md5WithRSAEncryption' } })).grade).toBe('F');
  });

  it('a numeric score below 80 lowers the letter, the loss shared by the weak categories', () => {
    const r = rateTlsEndpoint(tlsEvidence({ acceptedVersions: ['TLSv1.2'], negotiatedVersion: 'TLSv1.2', cipher: 'ECDHE-RSA-AES128-GCM-SHA256', cipherBits: 56, keyBits: 2048 }));
    // 0.3 × 100 + 0.3 × 90 + 0.4 × 20 = 65 -> B
    expect(r.score).toBe(65);
    expect(r.grade).toBe('B');
    expect(rules(r.findings)).toEqual(['tls.score.cipher', 'tls.score.key_exchange']);
    expect(lost(r.findings)).toBe(6);
  });

  it('expired, self-signed, untrusted and SHA-1 certificates give T; a wrong host gives M; all lose 20 points', () => {
    const cases: [Parameters<typeof tlsEvidence>[0], string, string][] = [
      [{ certificate: { valid: false, error: 'CERT_HAS_EXPIRED', daysToExpiry: -2 } }, 'T', 'tls.certificate.expired'],
      [{ certificate: { valid: false, error: 'DEPTH_ZERO_SELF_SIGNED_CERT', selfSigned: true } }, 'T', 'tls.certificate.self_signed'],
      [{ certificate: { valid: false, error: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' } }, 'T', 'tls.certificate.untrusted'],
      [{ certificate: { signatureAlgorithm: 'sha1WithRSAEncryption' } }, 'T', 'tls.certificate.sha1'],
      [{ certificate: { valid: false, error: 'ERR_TLS_CERT_ALTNAME_INVALID' } }, 'M', 'tls.certificate.name_mismatch'],
    ];
    for (const [over, grade, rule] of cases) {
      const r = rateTlsEndpoint(tlsEvidence(over));
      expect({ rule, grade: r.grade, points: r.points }).toEqual({ rule, grade, points: 0 });
      expect(rules(r.findings)).toEqual([rule]);
      expect(lost(r.findings)).toBe(20);
    }
  });

  it('with a trust failure, the trust finding costs what fixing it would give back; the other rules keep their share', () => {
    const r = rateTlsEndpoint(tlsEvidence({ acceptedVersions: ['TLSv1', 'TLSv1.2'], certificate: { valid: false, error: 'CERT_HAS_EXPIRED', daysToExpiry: -1 } }));
    expect(r.grade).toBe('T');
    expect(r.findings.find((f) => f.rule === 'tls.certificate.expired')!.pointsLost).toBe(14);
    expect(r.findings.find((f) => f.rule === 'tls.protocol.tls10')!.pointsLost).toBe(6);
    expect(r.findings.find((f) => f.rule === 'tls.certificate.expired')!.reason).toContain('B if trust is ignored');
  });

  it('warns (0 points) when the certificate expires within 30 days', () => {
    const r = rateTlsEndpoint(tlsEvidence({ certificate: { daysToExpiry: 12 } }));
    expect(r.grade).toBe('A');
    expect(r.findings).toEqual([expect.objectContaining({ rule: 'tls.certificate.expires_soon', pointsLost: 0 })]);
  });

  it('every finding names its evidence (check, region, time, the TLS fact) and the guide section', () => {
    const [f] = rateTlsEndpoint(tlsEvidence({ forwardSecrecy: false, negotiatedVersion: 'TLSv1.2', acceptedVersions: ['TLSv1.2'], cipher: 'AES128-GCM-SHA256' })).findings;
    expect(f.evidence).toEqual({ checkId: 7, region: 'almaty', observedAt: '2026-12-03T09:59:00Z', fact: expect.stringContaining('forward secrecy: no') });
    expect(f.source.standard).toContain('SSL Labs');
    expect(f.source.section).toContain('forward secrecy');
  });

  it('rateTls takes the worst endpoint and is null without evidence', () => {
    expect(rateTls([])).toBeNull();
    const worst = rateTls([tlsEvidence(), tlsEvidence({ endpoint: 'old.example.kz:443', acceptedVersions: ['TLSv1', 'TLSv1.2'] })]);
    expect(worst).toMatchObject({ grade: 'B', endpoint: 'old.example.kz:443', points: 14 });
  });
});

describe('agreement with the SSL Labs rating guide on the reference set-ups', () => {
  it.each(SSL_LABS_REFERENCE_SETUPS.map((s) => [s.id, s] as const))('%s', (_id, setup) => {
    const rating = rateTls([evidenceFor(setup)], { hstsMaxAge: setup.hstsMaxAge });
    expect(rating?.grade).toBe(setup.expectedGrade);
  });

  it('covers the issue’s eight set-ups', () => {
    const ids = SSL_LABS_REFERENCE_SETUPS.map((s) => s.id);
    for (const id of ['tls10-only', 'tls12-no-forward-secrecy', 'modern', 'expired-certificate', 'wrong-host', 'self-signed', 'rsa-1024', 'sha1-signature']) {
      expect(ids).toContain(id);
    }
  });
});
