import { END_OF_LIFE_SNAPSHOT, type EndOfLifeProductId } from './end-of-life-snapshot';

/** One piece of software a response header names. */
export interface DetectedSoftware {
  /** endoflife.date product id (php, nginx, apache-http-server, iis, openssl, tomcat, nodejs, jquery, dotnetfx). */
  product: string;
  /** The version as disclosed (null: the product is named without one). */
  version: string | null;
  /** The endoflife.date release cycle the version belongs to (null: unknown). */
  cycle: string | null;
  /** The cycle's end of life from the snapshot: a date, true (ended, older than any listed cycle), false (supported), null (unknown). */
  eol: string | boolean | null;
  /** The header it was read from, lower-case. */
  header: string;
  /** The header's whole value, as evidence. */
  banner: string;
}

/** The headers whose banners name software (the list). */
export const FINGERPRINT_HEADERS = ['server', 'x-powered-by', 'x-aspnet-version', 'x-generator'] as const;

const PRODUCT_NAMES: Record<string, EndOfLifeProductId> = {
  nginx: 'nginx',
  apache: 'apache-http-server',
  httpd: 'apache-http-server',
  'apache tomcat': 'tomcat',
  tomcat: 'tomcat',
  'apache-coyote': 'tomcat',
  'microsoft-iis': 'iis',
  openssl: 'openssl',
  php: 'php',
  express: 'nodejs',
  node: 'nodejs',
  'node.js': 'nodejs',
  nodejs: 'nodejs',
  'asp.net': 'dotnetfx',
  jquery: 'jquery',
};

/** Names whose own version is not the product's (Coyote is Tomcat's connector; Express is a Node.js framework). */
const VERSION_NOT_THE_PRODUCTS = new Set(['apache-coyote', 'express', 'asp.net']);

/** Version numbers as arrays, for "older than every listed cycle". */
function parts(version: string): number[] {
  return version.split(/[.-]/).map((p) => parseInt(p, 10)).filter((n) => !Number.isNaN(n));
}

function compareVersions(a: string, b: string): number {
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < Math.max(x.length, y.length); i += 1) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The release cycle a version belongs to, as endoflife.date names the product's cycles. */
function cycleOf(product: EndOfLifeProductId, version: string): string | null {
  const [major, minor, patch] = parts(version);
  if (major === undefined) return null;
  switch (product) {
    case 'nodejs':
    case 'jquery':
      return String(major);
    case 'iis':
      return `${major}.${minor ?? 0}`;
    case 'openssl':
      return major >= 3 ? `${major}.${minor ?? 0}` : `${major}.${minor ?? 0}.${patch ?? 0}`;
    case 'dotnetfx':
      // The CLR version: 1.0.3705 and 1.1.4322 name a release; 2.0.50727 and 4.0.30319 are shared by several.
      if (version.startsWith('1.1.')) return '1.1';
      if (version.startsWith('1.0.')) return '1.0';
      return null;
    default:
      return minor === undefined ? null : `${major}.${minor}`;
  }
}

function lookUp(product: EndOfLifeProductId, version: string | null): Pick<DetectedSoftware, 'cycle' | 'eol'> {
  if (version === null) return { cycle: null, eol: null };
  const cycle = cycleOf(product, version);
  if (cycle === null) return { cycle: null, eol: null };
  const cycles = END_OF_LIFE_SNAPSHOT.products[product].cycles;
  const known = cycles.find((c) => c.cycle === cycle);
  if (known) return { cycle, eol: known.eol };
  const oldest = cycles[cycles.length - 1];
  return compareVersions(cycle, oldest.cycle) < 0 ? { cycle, eol: true } : { cycle, eol: null };
}

/** name/version tokens of a banner ("Apache/2.4.29 (Unix) OpenSSL/1.0.2k", "Apache Tomcat/8.5.0", "ASP.NET", "jQuery 1.12.4"). */
function tokens(banner: string): { name: string; version: string | null }[] {
  const found: { name: string; version: string | null }[] = [];
  const pattern = /([A-Za-z][\w.-]*(?: Tomcat)?)(?:[/ ]v?(\d+(?:\.\d+)*[a-z]?))?/g;
  for (const match of banner.matchAll(pattern)) {
    found.push({ name: match[1], version: match[2] ?? null });
  }
  return found;
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  return headers[name] ?? Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1];
}

/**
 * The software the Server, X-Powered-By, X-AspNet-Version and X-Generator headers name, matched
 * against the end-of-life snapshot. One entry per product (a versioned sighting wins over a bare name).
 */
export function detectSoftware(headers: Record<string, string>): DetectedSoftware[] {
  const byProduct = new Map<string, DetectedSoftware>();
  const add = (found: DetectedSoftware) => {
    const seen = byProduct.get(found.product);
    if (!seen || (seen.version === null && found.version !== null)) byProduct.set(found.product, found);
  };
  for (const header of FINGERPRINT_HEADERS) {
    const banner = headerValue(headers, header);
    if (banner === undefined || banner.trim() === '') continue;
    if (header === 'x-aspnet-version') {
      const version = banner.trim();
      add({ product: 'dotnetfx', version, ...lookUp('dotnetfx', version), header, banner });
      continue;
    }
    for (const { name, version } of tokens(banner)) {
      const key = name.toLowerCase();
      const product = PRODUCT_NAMES[key];
      if (!product) continue;
      const own = VERSION_NOT_THE_PRODUCTS.has(key) ? null : version;
      add({ product, version: own, ...lookUp(product, own), header, banner });
    }
  }
  return [...byProduct.values()];
}
