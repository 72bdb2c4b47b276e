// Parsing of the "host:port" targets used by tcp and tls checks and by DNS resolvers.

export interface HostPort {
  /** Normalized host: lowercase name, dotted-quad IPv4, or IPv6 without brackets. */
  host: string;
  port: number;
}

const HOSTNAME =
  /^(?=.{1,253}\.?$)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?)(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?)*\.?$/i;

/**
 * Normalizes a host the way a connecting client would read it. The WHATWG URL parser turns the
 * legacy IPv4 spellings that getaddrinfo also accepts ('127.1', '0x7f.0.0.1', '017.0.0.1') into
 * dotted quads, so that the network policy sees the address that would actually be dialled.
 * Returns undefined for something that is neither a host name nor an address.
 */
export function normalizeHost(host: string): string | undefined {
  if (host === '') return undefined;
  const bracketed = host.startsWith('[') ? host : host.includes(':') ? `[${host}]` : host;
  let hostname: string;
  try {
    hostname = new URL(`http://${bracketed}/`).hostname;
  } catch {
    return undefined;
  }
  if (hostname.startsWith('[')) return hostname.slice(1, -1);
  return HOSTNAME.test(hostname) || /^[\d.]+$/.test(hostname) ? hostname.toLowerCase() : undefined;
}

/** Parses "host:port" or "[v6]:port"; with defaultPort, a bare host is accepted too. */
export function parseHostPort(text: string, defaultPort?: number): HostPort | undefined {
  const trimmed = text.trim();
  let hostPart: string;
  let portPart: string | undefined;
  const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(trimmed);
  if (bracket) {
    hostPart = bracket[1];
    portPart = bracket[2];
  } else {
    const colons = trimmed.split(':').length - 1;
    if (colons > 1) return undefined; // a bare IPv6 must be bracketed to carry a port
    const i = trimmed.lastIndexOf(':');
    hostPart = i >= 0 ? trimmed.slice(0, i) : trimmed;
    portPart = i >= 0 ? trimmed.slice(i + 1) : undefined;
    if (portPart !== undefined && !/^\d+$/.test(portPart)) return undefined;
  }
  const port = portPart === undefined ? defaultPort : Number(portPart);
  if (port === undefined || !Number.isInteger(port) || port < 1 || port > 65535) return undefined;
  const host = normalizeHost(hostPart);
  return host === undefined ? undefined : { host, port };
}
