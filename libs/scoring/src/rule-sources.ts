import type { RuleSource } from './system-score';

/** The public texts each rule comes from, with the section that says it. */
const SSL_LABS_GUIDE = 'SSL Labs SSL Server Rating Guide (2009q)';
const SSL_LABS_GUIDE_URL = 'https://github.com/ssllabs/research/wiki/SSL-Server-Rating-Guide';

function sslLabs(section: string, url = SSL_LABS_GUIDE_URL): RuleSource {
  return { standard: SSL_LABS_GUIDE, section, url };
}

export const SSL_LABS = {
  letters: sslLabs('Methodology Overview, Table 1 (letter grade translation)'),
  protocol: sslLabs('Protocol Support, Table 2 (protocol support rating guide)'),
  keyExchange: sslLabs('Key Exchange, Table 3 (key exchange rating guide)'),
  cipher: sslLabs('Cipher Strength, Table 4 (cipher strength rating guide)'),
  certificate: sslLabs('Certificate Inspection; Methodology Overview step 4 (T: certificate not trusted)'),
  mismatch: sslLabs(
    'Methodology Overview step 4 (M: certificate name mismatch); grades T and M introduced in SSL Labs 1.10',
    'https://blog.qualys.com/product-tech/2014/06/17/ssl-labs-new-grades-for-trust-t-and-mismatch-m-issues',
  ),
  legacyProtocols: sslLabs(
    'Changes: TLS 1.0 or TLS 1.1 supported, grade capped to B (live 31 January 2020)',
    'https://blog.qualys.com/ssllabs/2018/11/19/grade-change-for-tls-1-0-and-tls-1-1-protocols',
  ),
  noTls12: sslLabs(
    'Changes: TLS 1.2 not supported, grade capped to C (SSL Labs 1.17.10, May 2015)',
    'https://blog.qualys.com/product-tech/2015/05/22/ssl-labs-increased-penalty-when-tls-12-is-not-supported',
  ),
  forwardSecrecy: sslLabs(
    'Changes: no forward secrecy, grade capped to B (1 March 2018)',
    'https://blog.qualys.com/product-tech/2018/02/02/forward-secrecy-authenticated-encryption-and-robot-grading-update',
  ),
  aead: sslLabs(
    'Changes: no AEAD suites, grade capped to B (1 March 2018)',
    'https://blog.qualys.com/product-tech/2018/02/02/forward-secrecy-authenticated-encryption-and-robot-grading-update',
  ),
  weakKey: sslLabs(
    'Changes: key below 2048 bits capped to B, below 1024 bits F (January 2014)',
    'https://blog.qualys.com/product-tech/2014/01/21/ssl-labs-stricter-security-requirements-for-2014',
  ),
  sha1: sslLabs(
    'Changes: SHA-1 leaf certificates no longer trusted, grade T (January 2017)',
    'https://blog.qualys.com/product-tech/2017/01/18/ssl-labs-grading-changes-january-2017',
  ),
  tripleDes: sslLabs(
    'Changes: 3DES (64-bit block ciphers) with TLS 1.1 or newer, grade capped to C (2017)',
    'https://blog.qualys.com/product-tech/2017/01/18/ssl-labs-grading-changes-january-2017',
  ),
  hstsPlus: sslLabs(
    'Changes: A+ for no warnings and HSTS with a long max-age (January 2014)',
    'https://blog.qualys.com/product-tech/2014/01/21/ssl-labs-stricter-security-requirements-for-2014',
  ),
} as const;

const OBSERVATORY = 'MDN HTTP Observatory: tests and scoring';
const OBSERVATORY_URL = 'https://developer.mozilla.org/en-US/observatory/docs/tests_and_scoring';

function observatory(section: string): RuleSource {
  return { standard: OBSERVATORY, section, url: OBSERVATORY_URL };
}

export const MDN_OBSERVATORY = {
  grades: observatory('Grading chart'),
  csp: observatory('Content Security Policy'),
  cookies: observatory('Cookies'),
  hsts: observatory('Strict Transport Security'),
  redirection: observatory('Redirection'),
  referrer: observatory('Referrer Policy'),
  contentType: observatory('X-Content-Type-Options'),
  frameOptions: observatory('X-Frame-Options'),
  resourcePolicy: observatory('Cross Origin Resource Policy'),
} as const;

export const OWASP_FINGERPRINT: RuleSource = {
  standard: 'OWASP Web Security Testing Guide v4.2',
  section: 'WSTG-INFO-02 Fingerprint Web Server (banner grabbing; remove version details)',
  url: 'https://owasp.org/www-project-web-security-testing-guide/v42/4-Web_Application_Security_Testing/01-Information_Gathering/02-Fingerprint_Web_Server',
};

export const MODERNITY = {
  tls13: { standard: 'RFC 8446 (TLS 1.3)', section: '1. Introduction', url: 'https://www.rfc-editor.org/rfc/rfc8446' },
  http2: { standard: 'RFC 9113 (HTTP/2)', section: '3.2 Starting HTTP/2 for "https" URIs (ALPN "h2")', url: 'https://www.rfc-editor.org/rfc/rfc9113#section-3.2' },
  ipv6: { standard: 'RFC 3596 (DNS extensions for IPv6)', section: '2.1 AAAA record type', url: 'https://www.rfc-editor.org/rfc/rfc3596#section-2.1' },
} as const satisfies Record<string, RuleSource>;

const KUZET_SCORING_URL = 'docs/scoring.md';

export const KUZET_RULES = {
  availability: { standard: 'Kuzet scoring formula (SLO nines)', section: 'Reliability: availability', url: `${KUZET_SCORING_URL}#reliability-35-points` },
  mttr: {
    standard: 'DORA State of DevOps 2021 (time to restore service bands)',
    section: 'Reliability: MTTR',
    url: 'https://dora.dev/research/2021/dora-report/',
  },
  mtbf: { standard: 'Kuzet scoring formula', section: 'Reliability: MTBF', url: `${KUZET_SCORING_URL}#reliability-35-points` },
  incidents: { standard: 'Kuzet scoring formula', section: 'Reliability: incidents', url: `${KUZET_SCORING_URL}#reliability-35-points` },
  degraded: { standard: 'Kuzet scoring formula', section: 'Reliability: degraded share', url: `${KUZET_SCORING_URL}#reliability-35-points` },
  missingEvidence: { standard: 'Kuzet scoring formula', section: 'Missing evidence', url: `${KUZET_SCORING_URL}#missing-evidence` },
  certificateExpiry: { standard: 'Kuzet scoring formula', section: 'TLS: certificate expiry warning', url: `${KUZET_SCORING_URL}#tls-20-points` },
  caps: { standard: 'Kuzet scoring formula (issue 13)', section: 'Caps', url: `${KUZET_SCORING_URL}#caps` },
} as const satisfies Record<string, RuleSource>;
