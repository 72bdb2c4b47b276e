// Test-only builders of scoring evidence (not exported by the library).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import type { TlsProtocolVersion } from '@kuzet/contracts';
import type { DnsEvidence, HttpEvidence, ReliabilityEvidence, SystemEvidence, TlsEvidence } from './scoring-evidence';

export const NOW = Date.parse('2026-12-03T10:00:00Z');
const OBSERVED = '2026-12-03T09:59:00Z';

export function tlsEvidence(over: Partial<Omit<TlsEvidence, 'certificate'>> & { certificate?: Partial<TlsEvidence['certificate']> } = {}): TlsEvidence {
  const { certificate, ...rest } = over;
  return {
    checkId: 7,
    region: 'almaty',
    observedAt: OBSERVED,
    endpoint: 'egov.example.kz:443',
    acceptedVersions: ['TLSv1.2', 'TLSv1.3'],
    negotiatedVersion: 'TLSv1.3',
    cipher: 'TLS_AES_256_GCM_SHA384',
    cipherBits: 256,
    forwardSecrecy: true,
    keyType: 'RSA',
    keyBits: 2048,
    alpn: 'h2',
    ...rest,
    certificate: {
      valid: true,
      error: null,
      daysToExpiry: 80,
      validTo: '2027-02-21T00:00:00.000Z',
      signatureAlgorithm: 'sha256WithRSAEncryption',
      chainLength: 2,
      selfSigned: false,
      ...certificate,
    },
  };
}

export function httpEvidence(over: Partial<HttpEvidence> = {}): HttpEvidence {
  return {
    checkId: 3,
    region: 'almaty',
    observedAt: OBSERVED,
    url: 'https://egov.example.kz/',
    headers: {},
    cookies: [],
    redirectsToHttps: true,
    https: true,
    ...over,
  };
}

/** Headers the MDN Observatory gives 100+ to. */
export const EXEMPLARY_HEADERS: Record<string, string> = {
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

export function dnsEvidence(over: Partial<DnsEvidence> = {}): DnsEvidence {
  return { checkId: 9, region: 'almaty', observedAt: OBSERVED, host: 'egov.example.kz', ipv6: true, ...over };
}

export function reliabilityEvidence(over: Partial<ReliabilityEvidence> = {}): ReliabilityEvidence {
  return { windowDays: 28, sloTarget: 0.999, availability: 1, degradedShare: 0, incidents: 0, mttrMs: null, mtbfMs: null, ...over };
}

export function systemEvidence(over: Partial<SystemEvidence> = {}): SystemEvidence {
  return {
    system: 'egov-portal',
    agency: 'nit',
    tier: 'critical',
    tls: [tlsEvidence()],
    http: [httpEvidence({ headers: { ...EXEMPLARY_HEADERS } })],
    dns: [dnsEvidence()],
    reliability: reliabilityEvidence(),
    ...over,
  };
}

/** A persona as kz-fleet.yaml writes it. */
export interface FleetPersona {
  tls: TlsProtocolVersion[];
  server: string;
  powered_by: string | null;
  aspnet_version?: string;
  hsts: string | null;
  csp: string | null;
  http2: boolean;
}

/** The personas of the demo fleet, read from the data file the simulator serves them from. */
export function fleetPersonas(): Record<string, FleetPersona> {
  const file = path.resolve(__dirname, '../../../apps/simulator/fleet/kz-fleet.yaml');
  return (parse(readFileSync(file, 'utf8')) as { personas: Record<string, FleetPersona> }).personas;
}

/**
 * The session cookie each persona's stack sets (kz-fleet.yaml has no cookie facts; the simulator
 * sets these per persona: a modern stack flags it fully, PHP / ASP.NET defaults HttpOnly only,
 * neglected and abandoned stacks nothing).
 */
const PERSONA_COOKIES: Record<string, HttpEvidence['cookies']> = {
  modern: [{ name: 'session', secure: true, httpOnly: true, sameSite: 'Lax' }],
  dated: [{ name: 'PHPSESSID', secure: false, httpOnly: true, sameSite: null }],
  neglected: [{ name: 'PHPSESSID', secure: false, httpOnly: false, sameSite: null }],
  abandoned: [{ name: 'PHPSESSID', secure: false, httpOnly: false, sameSite: null }],
  'legacy-windows': [{ name: 'ASP.NET_SessionId', secure: false, httpOnly: true, sameSite: null }],
};

/**
 * What the probes see of a system of a persona: its TLS versions (ECDHE and AES-GCM on TLS 1.2,
 * RSA 2048, a valid certificate, as the simulator serves them), its headers and session cookie, h2 when it has HTTP/2,
 * no AAAA (the demo runs on 127.0.0.1), and the reliability given.
 */
export function personaEvidence(name: string, reliability: Partial<ReliabilityEvidence> = {}): SystemEvidence {
  const persona = fleetPersonas()[name];
  if (!persona) throw new Error(`no persona ${name}`);
  const headers: Record<string, string> = { server: persona.server };
  if (persona.powered_by) headers['x-powered-by'] = persona.powered_by;
  if (persona.aspnet_version) headers['x-aspnet-version'] = String(persona.aspnet_version);
  if (persona.hsts) headers['strict-transport-security'] = persona.hsts;
  if (persona.csp) headers['content-security-policy'] = persona.csp;
  const best = persona.tls.includes('TLSv1.3') ? 'TLSv1.3' : 'TLSv1.2';
  return systemEvidence({
    system: `${name}-system`,
    tls: [
      tlsEvidence({
        endpoint: `${name}.kuzet.test:8443`,
        acceptedVersions: [...persona.tls],
        negotiatedVersion: best,
        cipher: best === 'TLSv1.3' ? 'TLS_AES_256_GCM_SHA384' : 'ECDHE-RSA-AES256-GCM-SHA384',
        cipherBits: 256,
        alpn: persona.http2 ? 'h2' : 'http/1.1',
      }),
    ],
    http: [httpEvidence({ url: `https://${name}.kuzet.test:8443/`, headers, cookies: PERSONA_COOKIES[name] ?? [], redirectsToHttps: null })],
    dns: [dnsEvidence({ host: `${name}.kuzet.test`, ipv6: false })],
    reliability: reliabilityEvidence(reliability),
  });
}
