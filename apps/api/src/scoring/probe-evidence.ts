import type { DnsEvidence, HttpEvidence, TlsEvidence } from '@kuzet/scoring';
import type { TlsDetails, TlsProtocolVersion } from '@kuzet/contracts';

/** One check's latest run in one region, as check_latest_details keeps it (details as the agent sent them). */
export interface LatestCheckRun {
  checkId: number;
  kind: string;
  target: string | null;
  /** The check's SNI / certificate name option, when set. */
  servername: string | null;
  region: string;
  observedAt: string;
  details: Record<string, unknown>;
}

/**
 * What runners may store under details.tls: the contract's fields plus the facts added for scoring
 * (absent in results of older agents: each is read as unknown, never guessed).
 */
type StoredTls = Partial<TlsDetails> & {
  keyType?: TlsEvidence['keyType'];
  cipherBits?: number;
  signatureAlgorithm?: string;
  chainLength?: number;
  selfSigned?: boolean;
  alpn?: string | null;
  ipv6?: boolean | null;
};
interface StoredCookie {
  name?: unknown;
  secure?: unknown;
  httpOnly?: unknown;
  sameSite?: unknown;
}
interface StoredHttp {
  urls?: unknown;
  cookies?: unknown;
  redirectsToHttps?: unknown;
}
interface StoredDns {
  recordType?: unknown;
  rcode?: unknown;
  answers?: unknown;
}

const TLS_VERSIONS: readonly string[] = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const bool = (value: unknown): boolean | null => (typeof value === 'boolean' ? value : null);

function source(run: LatestCheckRun) {
  return { checkId: run.checkId, region: run.region, observedAt: run.observedAt };
}

function hostOf(run: LatestCheckRun): string | null {
  if (run.servername) return run.servername;
  if (!run.target) return null;
  try {
    return new URL(run.target.includes('://') ? run.target : `tls://${run.target}`).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return null;
  }
}

function tlsEvidence(run: LatestCheckRun, tls: StoredTls): TlsEvidence | null {
  if (typeof tls.validTo !== 'string' || typeof tls.chainValid !== 'boolean') return null;
  const accepted = Array.isArray(tls.acceptedVersions)
    ? tls.acceptedVersions.filter((v): v is TlsProtocolVersion => TLS_VERSIONS.includes(v))
    : tls.protocol && TLS_VERSIONS.includes(tls.protocol)
      ? [tls.protocol as TlsProtocolVersion]
      : [];
  return {
    ...source(run),
    endpoint: run.target ?? '',
    acceptedVersions: accepted,
    negotiatedVersion: text(tls.protocol),
    cipher: text(tls.cipher),
    cipherBits: num(tls.cipherBits),
    forwardSecrecy: bool(tls.forwardSecrecy),
    keyType: tls.keyType ?? null,
    keyBits: num(tls.keyBits),
    certificate: {
      valid: tls.chainValid,
      error: text(tls.authorizationError),
      daysToExpiry: num(tls.daysToExpiry) ?? 0,
      validTo: tls.validTo,
      signatureAlgorithm: text(tls.signatureAlgorithm),
      chainLength: num(tls.chainLength),
      selfSigned: bool(tls.selfSigned),
    },
    alpn: text(tls.alpn),
  };
}

function cookiesOf(http: StoredHttp | null): HttpEvidence['cookies'] {
  if (!http || !Array.isArray(http.cookies)) return [];
  return (http.cookies as StoredCookie[])
    .filter((c) => typeof c?.name === 'string')
    .map((c) => ({ name: c.name as string, secure: c.secure === true, httpOnly: c.httpOnly === true, sameSite: text(c.sameSite) }));
}

function httpEvidence(run: LatestCheckRun): HttpEvidence | null {
  const headers = record(run.details.headers);
  const http = record(run.details.http) as StoredHttp | null;
  // Neither headers nor body facts: the request got no answer, so there is nothing to grade.
  if (!headers && !http) return null;
  const urls = Array.isArray(http?.urls) ? (http.urls as unknown[]).filter((u): u is string => typeof u === 'string') : [];
  const url = urls[urls.length - 1] ?? run.target ?? '';
  const picked: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) if (typeof value === 'string') picked[name.toLowerCase()] = value;
  return {
    ...source(run),
    url,
    headers: picked,
    cookies: cookiesOf(http),
    redirectsToHttps: bool(http?.redirectsToHttps),
    https: url.toLowerCase().startsWith('https://'),
  };
}

function dnsEvidence(run: LatestCheckRun): DnsEvidence | null {
  if (run.kind === 'dns') {
    const dns = record(run.details.dns) as StoredDns | null;
    if (!dns || dns.recordType !== 'AAAA' || !run.target) return null;
    const answers = Array.isArray(dns.answers) ? dns.answers : [];
    return { ...source(run), host: run.target, ipv6: dns.rcode === 'NOERROR' && answers.length > 0 };
  }
  const ipv6 = bool((record(run.details.tls) as StoredTls | null)?.ipv6);
  const host = hostOf(run);
  return ipv6 === null || !host ? null : { ...source(run), host, ipv6 };
}

export interface ProbeEvidence {
  tls: TlsEvidence[];
  http: HttpEvidence[];
  dns: DnsEvidence[];
}

/**
 * The probe facts of one system from its checks' latest runs. TLS facts come from tls checks
 * (they try each protocol version alone); an https check's handshake stands in only when the
 * system has no tls check, since it saw one version, not the set offered.
 */
export function probeEvidence(runs: readonly LatestCheckRun[]): ProbeEvidence {
  const out: ProbeEvidence = { tls: [], http: [], dns: [] };
  const httpTls: TlsEvidence[] = [];
  for (const run of runs) {
    const tls = record(run.details.tls) as StoredTls | null;
    if (run.kind === 'tls' && tls) {
      const evidence = tlsEvidence(run, tls);
      if (evidence) out.tls.push(evidence);
    }
    if (run.kind === 'http') {
      const evidence = httpEvidence(run);
      if (evidence) out.http.push(evidence);
      const handshake = tls && tlsEvidence(run, tls);
      if (handshake) httpTls.push(handshake);
    }
    const dns = dnsEvidence(run);
    if (dns) out.dns.push(dns);
  }
  if (out.tls.length === 0) out.tls = httpTls;
  return out;
}
