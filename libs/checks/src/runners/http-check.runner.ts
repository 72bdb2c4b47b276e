import * as http from 'node:http';
import * as https from 'node:https';
import { isIP } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { CheckRunResult, CheckSpec, NetworkGuard } from '../check-run-result';
import { CheckFailure } from './check-failure';
import type { CheckRunner } from './check-runner';
import { describeRanges, parseExpectedStatus, statusExpected } from './expected-status';
import { flattenHeaders, pickHeaders } from './header-picker';
import { resolveGuarded, toNetworkGuard } from './network-guard';
import { runWithDeadline } from './run-deadline';
import { RunTrace } from './run-trace';
import { certificateExpiresInMs, describeTlsSocket, trustedCas } from './tls-certificate';

export const DEFAULT_MAX_REDIRECTS = 5;
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

interface Hop {
  url: URL;
  method: string;
  body?: string;
}

interface HopResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  bodyBytes: number;
  bodyTruncated: boolean;
}

/**
 * http: one request per hop on a fresh connection (`agent: false`), so every run measures its own
 * DNS, connect and TLS phases instead of reusing a warm socket. The host is resolved and judged by
 * the network guard here, then the socket is opened to that IP, with SNI and Host kept as the name.
 */
export class HttpCheckRunner implements CheckRunner {
  async check(spec: CheckSpec, signal?: AbortSignal): Promise<CheckRunResult> {
    const trace = new RunTrace();
    const settled = await runWithDeadline(spec.timeoutMs, signal, (abort) => this.run(spec, trace, abort));
    trace.timings.totalMs ??= trace.elapsed();
    return trace.finish(spec, settled);
  }

  private async run(spec: CheckSpec, trace: RunTrace, abort: AbortSignal): Promise<void> {
    const options = spec.options;
    const guard = toNetworkGuard(spec.networkGuard);
    const follow = options.follow_redirects !== false;
    const maxRedirects = options.max_redirects ?? DEFAULT_MAX_REDIRECTS;
    let hop: Hop = {
      url: parseUrl(spec.target),
      method: (options.method ?? 'GET').toUpperCase(),
      body: options.body,
    };
    const urls: string[] = [];
    for (let redirects = 0; ; redirects++) {
      urls.push(hop.url.toString());
      const response = await this.fetchOnce(spec, hop, guard, trace, abort);
      trace.http = { urls, bodyBytes: response.bodyBytes, bodyTruncated: response.bodyTruncated };
      const location = response.headers.location;
      if (follow && REDIRECT_STATUSES.has(response.status) && location) {
        if (redirects >= maxRedirects) {
          throw new CheckFailure('status', `more than ${maxRedirects} redirects (last to ${location})`);
        }
        const next = parseUrl(location, hop.url);
        // 303 (and 301/302 after a POST, as browsers do) turns into a GET without a body.
        const toGet = response.status === 303 || ((response.status === 301 || response.status === 302) && hop.method === 'POST');
        hop = { url: next, method: toGet ? 'GET' : hop.method, body: toGet ? undefined : hop.body };
        continue;
      }
      trace.statusCode = response.status;
      trace.headers = pickHeaders(response.headers);
      trace.context.status = response.status;
      trace.context.body = response.body;
      trace.context.headers = response.headers;
      const expected = parseExpectedStatus(options.expected_status);
      if (!statusExpected(response.status, expected)) {
        trace.failure = new CheckFailure('status', `HTTP ${response.status}, expected ${describeRanges(expected)}`);
      }
      return;
    }
  }

  /** One request/response on its own connection; fills the trace's phase timings as they happen. */
  private async fetchOnce(
    spec: CheckSpec,
    hop: Hop,
    guard: NetworkGuard,
    trace: RunTrace,
    abort: AbortSignal,
  ): Promise<HopResponse> {
    const options = spec.options;
    const hostname = hop.url.hostname.replace(/^\[|\]$/g, '');
    const secure = hop.url.protocol === 'https:';
    // Timings describe the last hop (the one judged); totalMs covers all of them.
    trace.timings = {};
    trace.connected = false;
    trace.tls = undefined;
    const resolved = await resolveGuarded(hostname, guard);
    trace.timings.dnsMs = resolved.dnsMs;
    trace.ip = resolved.address;
    if (abort.aborted) throw abort.reason;

    const servername = options.servername ?? (isIP(hostname) ? undefined : hostname);
    const headers: Record<string, string> = {
      'user-agent': 'Kuzet-Probe/1.0',
      accept: '*/*',
      ...(options.headers ?? {}),
      host: hop.url.host,
    };
    if (hop.body !== undefined) headers['content-length'] = String(Buffer.byteLength(hop.body));
    const requestOptions: https.RequestOptions = {
      agent: false,
      host: resolved.address,
      family: resolved.family,
      port: hop.url.port ? Number(hop.url.port) : secure ? 443 : 80,
      path: `${hop.url.pathname}${hop.url.search}`,
      method: hop.method,
      headers,
    };
    if (secure) {
      // Verified by hand after the handshake so that an invalid chain still reports its certificate.
      requestOptions.rejectUnauthorized = false;
      if (servername) requestOptions.servername = servername;
      const ca = trustedCas(options.ca_pem);
      if (ca) requestOptions.ca = ca;
    }
    const maxBody = options.max_body_bytes ?? DEFAULT_MAX_BODY_BYTES;
    const started = performance.now();

    return new Promise<HopResponse>((resolve, reject) => {
      const request = (secure ? https : http).request(requestOptions);
      let settled = false;
      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        abort.removeEventListener('abort', onAbort);
        request.destroy();
        reject(error);
      };
      const onAbort = () => fail(abort.reason);
      abort.addEventListener('abort', onAbort, { once: true });

      // Phase marks: connect = TCP handshake, tls = TLS handshake, ttfb = request ready -> response head.
      let ready = started;
      request.once('socket', (socket) => {
        socket.once('connect', () => {
          trace.connected = true;
          ready = performance.now();
          trace.timings.connectMs = ready - started;
        });
        if (secure) {
          const tlsSocket = socket as TLSSocket;
          tlsSocket.once('secureConnect', () => {
            const now = performance.now();
            trace.timings.tlsMs = now - ready;
            ready = now;
            const details = describeTlsSocket(tlsSocket);
            if (details) {
              trace.tls = details;
              trace.context.certificateExpiresInMs = certificateExpiresInMs(details);
              trace.context.tlsVersion = details.protocol ?? undefined;
            }
            if (!tlsSocket.authorized) {
              fail(
                new CheckFailure(
                  'tls',
                  `certificate not trusted for ${servername ?? resolved.address}: ${String(tlsSocket.authorizationError ?? 'unknown reason')}`,
                ),
              );
            }
          });
        }
      });
      request.once('error', fail);
      request.once('response', (response) => {
        trace.timings.ttfbMs = performance.now() - ready;
        const chunks: Buffer[] = [];
        let bytes = 0;
        let truncated = false;
        const done = () => {
          if (settled) return;
          settled = true;
          abort.removeEventListener('abort', onAbort);
          trace.timings.totalMs = trace.elapsed();
          resolve({
            status: response.statusCode ?? 0,
            headers: flattenHeaders(response.headers),
            body: Buffer.concat(chunks).toString('utf8'),
            bodyBytes: bytes,
            bodyTruncated: truncated,
          });
          // The socket is never reused (agent: false); free it now rather than on the server's terms.
          request.destroy();
        };
        response.on('data', (chunk: Buffer) => {
          const room = maxBody - bytes;
          if (chunk.length >= room) {
            chunks.push(chunk.subarray(0, room));
            bytes += room;
            truncated = chunk.length > room || truncated;
            // The cap stops reading; it is not a failure (conditions judge what was read).
            if (truncated) done();
            return;
          }
          chunks.push(chunk);
          bytes += chunk.length;
        });
        response.once('end', done);
        response.once('error', fail);
        response.once('aborted', () => fail(new CheckFailure('connect', 'the connection closed mid-response')));
      });
      if (hop.body !== undefined) request.write(hop.body);
      request.end();
    });
  }
}

function parseUrl(text: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    throw new CheckFailure('connect', `not a valid URL: ${JSON.stringify(text)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CheckFailure('connect', `unsupported URL scheme ${url.protocol} in ${JSON.stringify(text)}`);
  }
  return url;
}
