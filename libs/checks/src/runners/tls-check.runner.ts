import { connect, TLSSocket } from 'node:tls';
import { isIP } from 'node:net';
import type {
  CheckRunResult,
  CheckSpec,
  NetworkGuard,
  TlsDetails,
  TlsProtocolVersion,
} from '../check-run-result';
import { hasAaaaRecord } from './aaaa-lookup';
import { describeCertificateFacts } from './certificate-facts';
import { CheckFailure } from './check-failure';
import type { CheckRunner } from './check-runner';
import { parseResolver } from './dns-check.runner';
import { parseHostPort, resolveGuarded, toNetworkGuard } from './network-guard';
import { runWithDeadline } from './run-deadline';
import { RunTrace } from './run-trace';
import { classifyTransportError } from './transport-error-classifier';
import { secureContextFor } from './secure-contexts';
import { certificateExpiresInMs, describeTlsSocket } from './tls-certificate';

export const DEFAULT_WARN_DAYS = 14;
export const TLS_VERSIONS: readonly TlsProtocolVersion[] = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
/** Node 20's OpenSSL refuses TLS 1.0/1.1 at its default security level; probing them needs level 0. */
const LEGACY_CIPHERS = 'DEFAULT:@SECLEVEL=0';
/**
 * The verifying handshake judges trust at OpenSSL security level 1 (80 bits) on every Node: Node 20
 * defaults to it, Node 24 to level 2, which would call a 1024-bit chain invalid instead of letting
 * the scorer grade the weak key down.
 */
const VERIFY_CIPHERS = 'DEFAULT:@SECLEVEL=1';
/** Offered in the verifying handshake: the server's pick tells whether it speaks HTTP/2. */
const ALPN_OFFER = ['h2', 'http/1.1'];

interface Endpoint {
  address: string;
  family: 4 | 6;
  port: number;
  servername?: string;
  caPem?: string;
}

/**
 * tls: one verifying handshake for the certificate (chain, host name, expiry, key, signature,
 * forward secrecy, ALPN), then one handshake per protocol version, each pinned with
 * minVersion = maxVersion, to list what the server still accepts (old versions count against the
 * tech-debt score), and beside them an AAAA lookup of the host name (IPv6, also scored).
 */
export class TlsCheckRunner implements CheckRunner {
  async check(spec: CheckSpec, signal?: AbortSignal): Promise<CheckRunResult> {
    const trace = new RunTrace();
    const settled = await runWithDeadline(spec.timeoutMs, signal, (abort) => this.run(spec, trace, abort));
    trace.timings.totalMs ??= trace.elapsed();
    return trace.finish(spec, settled);
  }

  private async run(spec: CheckSpec, trace: RunTrace, abort: AbortSignal): Promise<void> {
    const { host, port } = parseHostPort(spec.target);
    const resolved = await resolveGuarded(host, toNetworkGuard(spec.networkGuard));
    trace.timings.dnsMs = resolved.dnsMs;
    trace.ip = resolved.address;
    const bare = host.replace(/^\[|\]$/g, '');
    const endpoint: Endpoint = {
      address: resolved.address,
      family: resolved.family,
      port,
      servername: spec.options.servername ?? (isIP(bare) ? undefined : bare),
      caPem: spec.options.ca_pem,
    };

    let details: TlsDetails;
    let modernRefusal: string | undefined;
    try {
      details = await this.inspect(endpoint, trace, abort, false);
    } catch (error) {
      // A server that only speaks TLS 1.0/1.1 (or weak parameters) fails a default client's
      // handshake; a legacy one still describes its certificate, which the score needs.
      if (!trace.connected || abort.aborted) throw error;
      // OpenSSL's message spans lines of internals; its code says the same in one word.
      const code = (error as { code?: unknown }).code;
      modernRefusal = typeof code === 'string' ? code : classifyTransportError(error).message;
      details = await this.inspect(endpoint, trace, abort, true).catch(() => Promise.reject(error));
    }
    // Version probes only matter once the server speaks TLS at all; run them side by side.
    const ipv6 = this.lookUpIpv6(endpoint.servername, spec, abort);
    const accepted = await Promise.all(TLS_VERSIONS.map((v) => this.accepts(endpoint, v, abort)));
    details.acceptedVersions = TLS_VERSIONS.filter((_, i) => accepted[i]);
    details.ipv6 = await ipv6;
    trace.timings.totalMs = trace.elapsed();

    if (modernRefusal !== undefined) {
      trace.failure = new CheckFailure(
        'tls',
        `no handshake with a default (TLS 1.2+) client: ${modernRefusal}; only a legacy client connects (${details.protocol ?? 'unknown protocol'})`,
      );
      return;
    }
    if (!details.chainValid) {
      trace.failure = new CheckFailure(
        'tls',
        `certificate not valid for ${endpoint.servername ?? endpoint.address}: ${details.authorizationError ?? 'unknown reason'}`,
      );
      return;
    }
    const warnDays = spec.options.warn_days ?? DEFAULT_WARN_DAYS;
    if (details.daysToExpiry < warnDays) {
      trace.degradedReason = `certificate expires in ${details.daysToExpiry} days (warning at ${warnDays}) on ${details.validTo}`;
    }
  }

  /**
   * The verifying handshake; verification is done after it so a bad certificate is still
   * described. `legacy` also offers TLS 1.0/1.1 and security level 0 (the fallback above).
   */
  private inspect(
    endpoint: Endpoint,
    trace: RunTrace,
    abort: AbortSignal,
    legacy: boolean,
  ): Promise<TlsDetails> {
    return new Promise<TlsDetails>((resolve, reject) => {
      const started = performance.now();
      let connectedAt = started;
      const socket = connect({
        host: endpoint.address,
        port: endpoint.port,
        servername: endpoint.servername,
        secureContext: secureContextFor({
          caPem: endpoint.caPem,
          ...(legacy ? { minVersion: 'TLSv1' as const, ciphers: LEGACY_CIPHERS } : { ciphers: VERIFY_CIPHERS }),
        }),
        rejectUnauthorized: false,
        ALPNProtocols: ALPN_OFFER,
      });
      const finish = (error?: unknown, details?: TlsDetails) => {
        abort.removeEventListener('abort', onAbort);
        socket.destroy();
        if (details) resolve(details);
        else reject(error);
      };
      const onAbort = () => finish(abort.reason);
      abort.addEventListener('abort', onAbort, { once: true });
      socket.once('connect', () => {
        trace.connected = true;
        connectedAt = performance.now();
        trace.timings.connectMs = connectedAt - started;
      });
      socket.once('secureConnect', () => {
        trace.timings.tlsMs = performance.now() - connectedAt;
        const details = describeTlsSocket(socket);
        if (!details) return finish(new CheckFailure('tls', 'the server sent no certificate'));
        Object.assign(details, describeCertificateFacts(socket));
        details.alpn = socket.alpnProtocol || null;
        trace.tls = details;
        trace.context.certificateExpiresInMs = certificateExpiresInMs(details);
        trace.context.tlsVersion = details.protocol ?? undefined;
        finish(undefined, details);
      });
      socket.once('error', (error) => finish(error));
    });
  }

  /** The AAAA fact of the name clients use (SNI); null for an IP target or a failed lookup. Never rejects. */
  private async lookUpIpv6(
    servername: string | undefined,
    spec: CheckSpec,
    abort: AbortSignal,
  ): Promise<boolean | null> {
    if (!servername) return null;
    let resolver: string | undefined;
    if (spec.options.resolver) {
      try {
        resolver = await guardedResolver(spec.options.resolver, toNetworkGuard(spec.networkGuard));
      } catch {
        return null;
      }
    }
    // Half the run's budget at most: a slow resolver must not turn a healthy TLS check into a timeout.
    return hasAaaaRecord(servername, { resolver, timeoutMs: spec.timeoutMs / 2, signal: abort });
  }

  /** True when a handshake pinned to exactly `version` completes. Never rejects. */
  private accepts(endpoint: Endpoint, version: TlsProtocolVersion, abort: AbortSignal): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      if (abort.aborted) return resolve(false);
      let socket: TLSSocket;
      const finish = (ok: boolean) => {
        abort.removeEventListener('abort', onAbort);
        socket?.destroy();
        resolve(ok);
      };
      const onAbort = () => finish(false);
      abort.addEventListener('abort', onAbort, { once: true });
      try {
        socket = connect({
          host: endpoint.address,
          port: endpoint.port,
          servername: endpoint.servername,
          // Only the protocol is asked here; trust was judged by the verifying handshake.
          rejectUnauthorized: false,
          secureContext: secureContextFor({
            minVersion: version,
            maxVersion: version,
            ciphers: version === 'TLSv1' || version === 'TLSv1.1' ? LEGACY_CIPHERS : undefined,
          }),
        });
      } catch {
        return finish(false);
      }
      socket.once('secureConnect', () => finish(socket.getProtocol() === version));
      socket.once('error', () => finish(false));
      socket.once('close', () => finish(false));
    });
  }
}

/** "host:port" of a resolver, resolved and judged by the network guard, as dns.setServers wants it. */
async function guardedResolver(text: string, guard: NetworkGuard): Promise<string> {
  const { host, port } = parseResolver(text);
  const resolved = await resolveGuarded(host, guard);
  return resolved.family === 6 ? `[${resolved.address}]:${port}` : `${resolved.address}:${port}`;
}
