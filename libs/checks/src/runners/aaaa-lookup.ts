import { Resolver } from 'node:dns/promises';
import { isIP } from 'node:net';

/** Answers that mean "the name has no AAAA record" (NODATA, NXDOMAIN); anything else is unknown. */
const NO_RECORD = new Set(['ENODATA', 'ENOTFOUND']);

export interface AaaaLookupOptions {
  /** IP:port of the resolver to ask (already judged by the network guard); default the system's. */
  resolver?: string;
  /** Given up (null) after this long, whatever the resolver does: the run must not wait on it. */
  timeoutMs: number;
  signal: AbortSignal;
}

/**
 * Whether `host` publishes an AAAA record (IPv6 reachability, a modernity fact of the score):
 * true / false from the resolver's answer, null when it could not tell (timeout, SERVFAIL,
 * cancelled) or when `host` is an IP literal. Never rejects.
 */
export async function hasAaaaRecord(host: string, options: AaaaLookupOptions): Promise<boolean | null> {
  if (isIP(host.replace(/^\[|\]$/g, '')) || options.signal.aborted) return null;
  const resolver = new Resolver({ timeout: Math.max(1, Math.floor(options.timeoutMs)), tries: 1 });
  const cancel = () => resolver.cancel();
  options.signal.addEventListener('abort', cancel, { once: true });
  const timer = setTimeout(cancel, options.timeoutMs);
  try {
    if (options.resolver) resolver.setServers([options.resolver]);
    const addresses = await resolver.resolve6(host);
    return addresses.length > 0;
  } catch (error) {
    const code = (error as { code?: string }).code;
    return code !== undefined && NO_RECORD.has(code) ? false : null;
  } finally {
    clearTimeout(timer);
    options.signal.removeEventListener('abort', cancel);
  }
}
