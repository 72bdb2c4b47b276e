import type { TlsEvidence } from './scoring-evidence';
import type { Finding, RuleSource, SslLabsGrade } from './system-score';
import { distributePoints, roundPoints } from './points';
import { KUZET_RULES, SSL_LABS } from './rule-sources';
import { TLS_POINTS_BY_GRADE, sslLabsLetter, sslLabsRank, worseSslLabsGrade } from './ssl-labs-grades';
import { isAeadSuite, tlsCategoryScores, type TlsCategoryScores } from './tls-categories';

/** HSTS max-age the guide asks for A+ (six months, as the HTTP Observatory counts it). */
export const A_PLUS_HSTS_MAX_AGE = 15_768_000;
const EXPIRY_WARNING_DAYS = 30;
const MAX_POINTS = TLS_POINTS_BY_GRADE.A;

export interface TlsRating {
  /** The letter the SSL Labs rating guide gives (the worst endpoint's). */
  grade: SslLabsGrade;
  /** The guide's numeric score (0..100) before its rules; certificate trust does not lower it (SSL Labs' "trust ignored"). */
  score: number;
  /** TLS component points of 20 (TLS_POINTS_BY_GRADE). */
  points: number;
  endpoint: string;
  findings: Finding[];
}

export interface TlsRatingOptions {
  /** The HSTS max-age (seconds) the system sends, for A+; null or absent: none. */
  hstsMaxAge?: number | null;
}

/** One rule of the guide that holds the letter down, before its cost is known. */
interface CapRule {
  rule: string;
  cap: SslLabsGrade;
  reason: string;
  fix: string;
  fact: string;
  source: RuleSource;
  /** Share of the rule's cost when several findings come from one rule (numeric categories). */
  parts?: { rule: string; weight: number; reason: string; fix: string; fact: string; source: RuleSource }[];
}

type TrustRule = Omit<CapRule, 'cap' | 'parts'> & { grade: 'T' | 'M' };

const NAME_MISMATCH_ERRORS = new Set(['ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH']);

/**
 * Errors from the probe client's own policy (OpenSSL security level) about the leaf's key size or
 * digest: the guide judges those by its key and signature rules, not as a trust failure.
 */
function judgedByOtherRules(error: string, scores: TlsCategoryScores, signature: string): boolean {
  if (error === 'EE_KEY_TOO_SMALL') return scores.keyExchange <= 80;
  if (error === 'CA_MD_TOO_WEAK') return /sha1|md5/i.test(signature);
  return false;
}

function evidenceOf(tls: TlsEvidence, fact: string): Finding['evidence'] {
  return { checkId: tls.checkId, region: tls.region, observedAt: tls.observedAt, fact: `${tls.endpoint}: ${fact}` };
}

function numericRule(tls: TlsEvidence, scores: TlsCategoryScores): CapRule | null {
  const letter = sslLabsLetter(scores.numeric);
  if (letter === 'A') return null;
  const parts: NonNullable<CapRule['parts']> = [];
  if (scores.protocol < 100) {
    parts.push({
      rule: 'tls.score.protocol',
      weight: 0.3 * (100 - scores.protocol),
      reason: `protocol support scores ${scores.protocol}% (best/worst average of ${scores.versions.join(', ') || 'no version'})`,
      fix: 'Offer TLS 1.2 and TLS 1.3 only.',
      fact: `protocol score ${scores.protocol}`,
      source: SSL_LABS.protocol,
    });
  }
  if (scores.keyExchange < 100) {
    parts.push({
      rule: 'tls.score.key_exchange',
      weight: 0.3 * (100 - scores.keyExchange),
      reason: `key exchange scores ${scores.keyExchange}% (${tls.keyType ?? 'unknown'} ${tls.keyBits ?? '?'} bits)`,
      fix: 'Use an RSA key of at least 2048 bits or an ECDSA P-256 key.',
      fact: `key exchange score ${scores.keyExchange}`,
      source: SSL_LABS.keyExchange,
    });
  }
  if (scores.cipher < 100) {
    parts.push({
      rule: 'tls.score.cipher',
      weight: 0.4 * (100 - scores.cipher),
      reason: `cipher strength scores ${scores.cipher}% (${tls.cipher ?? 'unknown suite'}, ${scores.cipherBits ?? '?'} bits)`,
      fix: 'Prefer AES-256-GCM or ChaCha20-Poly1305 suites.',
      fact: `cipher score ${scores.cipher}`,
      source: SSL_LABS.cipher,
    });
  }
  return {
    rule: 'tls.score',
    cap: letter,
    reason: `the guide's numeric score is ${scores.numeric} (${letter})`,
    fix: '',
    fact: `numeric score ${scores.numeric}`,
    source: SSL_LABS.letters,
    parts,
  };
}

function capRules(tls: TlsEvidence, scores: TlsCategoryScores): CapRule[] {
  const rules: CapRule[] = [];
  const versions = scores.versions;
  const versionsFact = `accepted versions: ${versions.join(', ') || 'none'}`;
  if (versions.length === 0) {
    rules.push({
      rule: 'tls.handshake.none',
      cap: 'F',
      reason: 'no TLS handshake completed with any version the probe tried',
      fix: 'Serve TLS 1.2 and TLS 1.3 with a valid certificate.',
      fact: versionsFact,
      source: SSL_LABS.protocol,
    });
    return rules;
  }
  const numeric = numericRule(tls, scores);
  if (numeric) rules.push(numeric);
  for (const [version, label] of [['TLSv1', 'TLS 1.0'], ['TLSv1.1', 'TLS 1.1']] as const) {
    if (!versions.includes(version)) continue;
    rules.push({
      rule: version === 'TLSv1' ? 'tls.protocol.tls10' : 'tls.protocol.tls11',
      cap: 'B',
      reason: `the server accepts ${label}, deprecated since 2021 (RFC 8996)`,
      fix: `Disable ${label}; keep TLS 1.2 and TLS 1.3.`,
      fact: versionsFact,
      source: SSL_LABS.legacyProtocols,
    });
  }
  if (!versions.includes('TLSv1.2') && !versions.includes('TLSv1.3')) {
    rules.push({
      rule: 'tls.protocol.no_tls12',
      cap: 'C',
      reason: 'the server accepts neither TLS 1.2 nor TLS 1.3',
      fix: 'Enable TLS 1.2 and TLS 1.3 (upgrade the TLS library if it cannot).',
      fact: versionsFact,
      source: SSL_LABS.noTls12,
    });
  }
  if (tls.forwardSecrecy === false) {
    rules.push({
      rule: 'tls.forward_secrecy.missing',
      cap: 'B',
      reason: `the negotiated suite ${tls.cipher ?? '(unnamed)'} has no forward secrecy (static RSA key exchange)`,
      fix: 'Prefer ECDHE suites (and TLS 1.3), so a stolen key cannot decrypt recorded traffic.',
      fact: `negotiated ${tls.negotiatedVersion ?? '?'} ${tls.cipher ?? '?'}, forward secrecy: no`,
      source: SSL_LABS.forwardSecrecy,
    });
  }
  if (tls.cipher && !isAeadSuite(tls.cipher, tls.negotiatedVersion)) {
    rules.push({
      rule: 'tls.cipher.not_aead',
      cap: 'B',
      reason: `a modern client negotiates ${tls.cipher}, a CBC suite without authenticated encryption`,
      fix: 'Offer and prefer AES-GCM or ChaCha20-Poly1305 suites.',
      fact: `negotiated ${tls.negotiatedVersion ?? '?'} ${tls.cipher}`,
      source: SSL_LABS.aead,
    });
  }
  if (scores.cipherBits === 112 && tls.negotiatedVersion !== 'TLSv1') {
    rules.push({
      rule: 'tls.cipher.3des',
      cap: 'C',
      reason: `3DES (64-bit blocks, Sweet32) is negotiated with ${tls.negotiatedVersion ?? 'a modern protocol'}`,
      fix: 'Remove 3DES suites, or at least put them last.',
      fact: `negotiated ${tls.negotiatedVersion ?? '?'} ${tls.cipher ?? '?'}`,
      source: SSL_LABS.tripleDes,
    });
  }
  if (scores.keyExchange <= 40 || scores.keyExchange === 80) {
    const insecure = scores.keyExchange <= 40;
    rules.push({
      rule: insecure ? 'tls.key.insecure' : 'tls.key.weak',
      cap: insecure ? 'F' : 'B',
      reason: `the certificate's ${tls.keyType ?? ''} key has ${tls.keyBits} bits (${insecure ? 'below 1024: insecure' : 'below 2048: weak'})`,
      fix: 'Issue a new certificate with an RSA key of at least 2048 bits or an ECDSA P-256 key.',
      fact: `leaf key ${tls.keyType ?? '?'} ${tls.keyBits} bits`,
      source: SSL_LABS.weakKey,
    });
  }
  if (/md5/i.test(tls.certificate.signatureAlgorithm ?? '')) {
    rules.push({
      rule: 'tls.certificate.md5',
      cap: 'F',
      reason: 'the certificate is signed with MD5, which is broken',
      fix: 'Reissue the certificate with a SHA-256 signature.',
      fact: `signature algorithm ${tls.certificate.signatureAlgorithm}`,
      source: SSL_LABS.weakKey,
    });
  }
  return rules;
}

function trustRules(tls: TlsEvidence, scores: TlsCategoryScores): TrustRule[] {
  const cert = tls.certificate;
  const rules: TrustRule[] = [];
  const error = cert.error ?? '';
  if (judgedByOtherRules(error, scores, cert.signatureAlgorithm ?? '')) {
    return /sha1/i.test(cert.signatureAlgorithm ?? '') ? [sha1Rule(cert)] : [];
  }
  const expired = cert.daysToExpiry < 0 || error === 'CERT_HAS_EXPIRED';
  if (expired) {
    rules.push({
      rule: 'tls.certificate.expired',
      grade: 'T',
      reason: `the certificate expired on ${cert.validTo} (${-cert.daysToExpiry} days ago)`,
      fix: 'Renew the certificate (and automate renewal, e.g. ACME).',
      fact: `valid to ${cert.validTo}, ${cert.daysToExpiry} days to expiry${error ? `, ${error}` : ''}`,
      source: SSL_LABS.certificate,
    });
  }
  if (/sha1/i.test(cert.signatureAlgorithm ?? '')) rules.push(sha1Rule(cert));
  if (!cert.valid && !expired && !(error === 'CERT_HAS_EXPIRED')) {
    if (NAME_MISMATCH_ERRORS.has(error)) {
      rules.push({
        rule: 'tls.certificate.name_mismatch',
        grade: 'M',
        reason: 'the certificate does not name the host it is served for',
        fix: 'Serve a certificate whose subject alternative names include this host.',
        fact: `certificate error ${error}`,
        source: SSL_LABS.mismatch,
      });
    } else if (rules.length === 0 || error) {
      const selfSigned = cert.selfSigned === true || /SELF_SIGNED/.test(error);
      rules.push({
        rule: selfSigned ? 'tls.certificate.self_signed' : 'tls.certificate.untrusted',
        grade: 'T',
        reason: selfSigned
          ? 'the certificate is self-signed, so no client can trust it'
          : `the certificate chain is not trusted (${error || 'verification failed'})`,
        fix: selfSigned
          ? 'Use a certificate from a publicly trusted CA (or the state CA clients are given).'
          : 'Serve the full chain (leaf and intermediates) from a CA clients trust.',
        fact: `certificate error ${error || 'unknown'}, chain length ${cert.chainLength ?? '?'}`,
        source: SSL_LABS.certificate,
      });
    }
  }
  return rules;
}

function sha1Rule(cert: TlsEvidence['certificate']): TrustRule {
  return {
    rule: 'tls.certificate.sha1',
    grade: 'T',
    reason: `the certificate is signed with SHA-1 (${cert.signatureAlgorithm}), which browsers no longer trust`,
    fix: 'Reissue the certificate with a SHA-256 signature.',
    fact: `signature algorithm ${cert.signatureAlgorithm}`,
    source: SSL_LABS.sha1,
  };
}

/** The letter the rules leave, with each rule's share of the points lost (layer by layer, shared equally). */
function attribute(tls: TlsEvidence, rules: CapRule[], trust: TrustRule[]): { grade: SslLabsGrade; findings: Finding[] } {
  const underlying = rules.reduce<SslLabsGrade>((g, r) => worseSslLabsGrade(g, r.cap), 'A');
  const ladder: SslLabsGrade[] = ['A', 'A-', 'B', 'C', 'D', 'E', 'F'];
  const exact = rules.map(() => 0);
  for (let step = 0; step < ladder.indexOf(underlying); step += 1) {
    const drop = TLS_POINTS_BY_GRADE[ladder[step]] - TLS_POINTS_BY_GRADE[ladder[step + 1]];
    const holding = rules.map((r, i) => (sslLabsRank(r.cap) >= sslLabsRank(ladder[step + 1]) ? i : -1)).filter((i) => i >= 0);
    for (const i of holding) exact[i] += drop / holding.length;
  }
  const trustTotal = trust.length > 0 ? TLS_POINTS_BY_GRADE[underlying] : 0;
  const weights = [...exact, ...trust.map(() => trustTotal / trust.length)];
  const total = MAX_POINTS - TLS_POINTS_BY_GRADE[underlying] + trustTotal;
  const shares = distributePoints(total, weights);
  const findings: Finding[] = [];
  rules.forEach((r, i) => {
    if (r.parts) {
      const partShares = distributePoints(shares[i], r.parts.map((p) => p.weight));
      r.parts.forEach((p, j) =>
        findings.push({ rule: p.rule, component: 'tls', pointsLost: partShares[j], reason: p.reason, fix: p.fix, evidence: evidenceOf(tls, p.fact), source: p.source }),
      );
      return;
    }
    findings.push({ rule: r.rule, component: 'tls', pointsLost: shares[i], reason: r.reason, fix: r.fix, evidence: evidenceOf(tls, r.fact), source: r.source });
  });
  trust.forEach((t, i) =>
    findings.push({
      rule: t.rule,
      component: 'tls',
      pointsLost: shares[rules.length + i],
      reason: `${t.reason}; SSL Labs grades this ${t.grade} (${underlying} if trust is ignored)`,
      fix: t.fix,
      evidence: evidenceOf(tls, t.fact),
      source: t.source,
    }),
  );
  const grade = trust.length === 0 ? underlying : trust.some((t) => t.grade === 'T') ? 'T' : 'M';
  return { grade, findings };
}

function expiryWarning(tls: TlsEvidence): Finding | null {
  const days = tls.certificate.daysToExpiry;
  if (days < 0 || days >= EXPIRY_WARNING_DAYS) return null;
  return {
    rule: 'tls.certificate.expires_soon',
    component: 'tls',
    pointsLost: 0,
    reason: `the certificate expires in ${days} days (${tls.certificate.validTo})`,
    fix: 'Renew the certificate now and automate renewal.',
    evidence: evidenceOf(tls, `valid to ${tls.certificate.validTo}, ${days} days to expiry`),
    source: KUZET_RULES.certificateExpiry,
  };
}

/** One endpoint as the rating guide grades it. */
export function rateTlsEndpoint(tls: TlsEvidence, options: TlsRatingOptions = {}): TlsRating {
  const scores = tlsCategoryScores(tls);
  const { grade: ruled, findings } = attribute(tls, capRules(tls, scores), trustRules(tls, scores));
  const hsts = options.hstsMaxAge ?? null;
  const grade = ruled === 'A' && hsts != null && hsts >= A_PLUS_HSTS_MAX_AGE ? 'A+' : ruled;
  const warning = expiryWarning(tls);
  return {
    grade,
    score: scores.numeric,
    points: TLS_POINTS_BY_GRADE[grade],
    endpoint: tls.endpoint,
    findings: warning ? [...findings, warning] : findings,
  };
}

/**
 * The TLS part by the SSL Labs rating guide, over every endpoint seen: the worst endpoint's letter
 * (fewest points, then worst letter) with its findings; null when no TLS evidence was given.
 */
export function rateTls(tls: readonly TlsEvidence[], options: TlsRatingOptions = {}): TlsRating | null {
  if (tls.length === 0) return null;
  const ratings = tls.map((t) => rateTlsEndpoint(t, options));
  const worst = ratings.reduce((w, r) =>
    r.points < w.points || (r.points === w.points && sslLabsRank(r.grade) > sslLabsRank(w.grade)) ? r : w,
  );
  return { ...worst, points: roundPoints(worst.points) };
}
