/** A Content-Security-Policy header as directive name -> source list (the first of a repeated directive wins, as browsers do). */
export type CspDirectives = Map<string, string[]>;

/** Parses a CSP header; null when it holds no directive at all (the Observatory's "cannot be parsed"). */
export function parseCsp(header: string | undefined): CspDirectives | null {
  if (header == null) return null;
  const directives: CspDirectives = new Map();
  // Several CSP headers arrive joined with ", "; each policy applies, so read their directives together.
  for (const policy of header.split(',')) {
    for (const part of policy.split(';')) {
      const tokens = part.trim().split(/\s+/).filter(Boolean);
      if (tokens.length === 0) continue;
      const name = tokens[0].toLowerCase();
      if (!/^[a-z-]+$/.test(name)) return null;
      if (!directives.has(name)) directives.set(name, tokens.slice(1).map((t) => t.toLowerCase()));
    }
  }
  return directives.size === 0 ? null : directives;
}

/** The sources that govern a fetch directive: its own, else default-src; undefined when unrestricted. */
export function effectiveSources(csp: CspDirectives, directive: string): string[] | undefined {
  return csp.get(directive) ?? csp.get('default-src');
}

const BROAD_SOURCES = new Set(['*', 'http:', 'https:', 'data:']);

export function hasBroadSource(sources: string[] | undefined): boolean {
  return sources === undefined || sources.some((s) => BROAD_SOURCES.has(s));
}

/** 'unsafe-inline' counts unless a nonce, hash or 'strict-dynamic' makes browsers ignore it (CSP Level 3). */
export function allowsInlineScript(sources: string[] | undefined): boolean {
  if (sources === undefined) return true;
  if (!sources.includes("'unsafe-inline'")) return false;
  return !sources.some((s) => s.startsWith("'nonce-") || /^'sha(256|384|512)-/.test(s) || s === "'strict-dynamic'");
}

export function hasInsecureScheme(sources: string[] | undefined): boolean {
  return (sources ?? []).some((s) => s === 'http:' || s.startsWith('http://') || s === 'ws:' || s.startsWith('ws://'));
}
