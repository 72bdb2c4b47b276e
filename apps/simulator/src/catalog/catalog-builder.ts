import { Fleet } from '../fleet/fleet.types';
import { LOOPBACK } from '../system/front-door';
import { SimulatedSystemInfo } from '../system/simulated-system.types';
import { CatalogCheck, CatalogFile, CatalogSystem } from './catalog.types';
import { DEMO_SHORT_NAMES } from './demo-short-names';

export const CA_FILE_NAME = 'simulator-ca.pem';
export const DEFAULT_INTERVAL_S = 30;
/** Critical systems are checked more often: a failure of the e-gov gateway shows within seconds. */
export const DEFAULT_CRITICAL_INTERVAL_S = 10;
/** A critical check's timeout: short, so a hung server is confirmed within two intervals. */
export const CRITICAL_TIMEOUT_S = 3;

export interface CatalogInput {
  fleet: Fleet;
  systems: SimulatedSystemInfo[];
  dnsPort: number;
  intervalS?: number;
  /** Interval of critical-tier systems (default: 10 s, or intervalS when that is shorter). */
  criticalIntervalS?: number;
}

/**
 * The demo catalog pointing at the running simulator: categories.yaml, agencies.yaml and one
 * systems/<agency>.yaml per agency that has systems (small files, and one agency's edit does
 * not touch another's).
 */
export function buildCatalog(input: CatalogInput): CatalogFile[] {
  const intervalS = input.intervalS ?? DEFAULT_INTERVAL_S;
  if (!Number.isFinite(intervalS) || intervalS <= 0)
    throw new Error(`interval must be a positive number of seconds, got ${intervalS}`);
  const criticalIntervalS = input.criticalIntervalS ?? Math.min(intervalS, DEFAULT_CRITICAL_INTERVAL_S);
  if (!Number.isFinite(criticalIntervalS) || criticalIntervalS <= 0)
    throw new Error(`critical interval must be a positive number of seconds, got ${criticalIntervalS}`);
  const files: CatalogFile[] = [
    {
      path: 'categories.yaml',
      content: { categories: input.fleet.categories.map((c) => ({ code: c.code, name: { ...c.name } })) },
    },
    {
      path: 'agencies.yaml',
      content: { agencies: input.fleet.agencies.map((a) => ({ code: a.code, name: { ...a.name } })) },
    },
  ];
  for (const agency of input.fleet.agencies) {
    const systems = input.systems.filter((s) => s.agency === agency.code);
    if (systems.length === 0) continue;
    files.push({
      path: `systems/${agency.code}.yaml`,
      content: {
        systems: systems.map((s) =>
          catalogSystem(s, input.dnsPort, s.tier === 'critical' ? criticalIntervalS : intervalS),
        ),
      },
    });
  }
  return files;
}

function catalogSystem(s: SimulatedSystemInfo, dnsPort: number, intervalS: number): CatalogSystem {
  const timeoutS = s.tier === 'critical' ? Math.min(CRITICAL_TIMEOUT_S, timeoutFor(intervalS)) : timeoutFor(intervalS);
  const timing = { interval: formatSeconds(intervalS), timeout: formatSeconds(timeoutS) };
  const tlsOptions = { ca_file: `./${CA_FILE_NAME}`, servername: s.hostname };
  const checks: CatalogCheck[] = [
    {
      code: 'https',
      kind: 'http',
      target: `https://${LOOPBACK}:${s.ports.https}/health`,
      ...timing,
      conditions: ['[STATUS] == 200', '[BODY].status == "UP"'],
      // The landing page's plain-HTTP entry point: does it send citizens on to HTTPS?
      options: { ...tlsOptions, plain_http_url: `http://${LOOPBACK}:${s.ports.http}/` },
    },
    { code: 'tcp', kind: 'tcp', target: `${LOOPBACK}:${s.ports.tcp}`, ...timing },
    {
      code: 'dns',
      kind: 'dns',
      target: s.hostname,
      ...timing,
      options: { record_type: 'A', resolver: `${LOOPBACK}:${dnsPort}`, expect: [LOOPBACK] },
    },
    {
      code: 'tls',
      kind: 'tls',
      target: `${LOOPBACK}:${s.ports.https}`,
      ...timing,
      // The AAAA fact (IPv6) of the system's name comes from the simulator's own DNS server.
      options: { ...tlsOptions, resolver: `${LOOPBACK}:${dnsPort}` },
    },
  ];
  // Key order is the order a reader expects in the YAML: identity, classification, links, checks.
  return {
    code: s.code,
    agency: s.agency,
    name: { ...s.name },
    ...(DEMO_SHORT_NAMES[s.code] ? { short_name: { ...DEMO_SHORT_NAMES[s.code] } } : {}),
    tier: s.tier,
    ...(s.category ? { category: s.category } : {}),
    public: s.public,
    ...(s.depends_on.length > 0 ? { depends_on: [...s.depends_on] } : {}),
    checks,
  };
}

/** The catalog wants timeout < interval; 10 s at most, as its documented default. */
export function timeoutFor(intervalS: number): number {
  return Math.min(10, intervalS * 0.8);
}

/** 30 -> "30s", 0.8 -> "800ms": the duration forms docs/catalog.md accepts. */
export function formatSeconds(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}
