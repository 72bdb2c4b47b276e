import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import * as tls from 'node:tls';
import { secureContextFor } from './secure-contexts';
import type { IncomingMessage } from 'node:http';
import { isSecretHeaderName } from '@kuzet/contracts';
import type { CheckRunResult, CheckSpec, CookieAttributes, NetworkGuard, PlainHttpAnswer } from '../check-run-result';
import { CheckFailure } from './check-failure';
import type { CheckRunner } from './check-runner';
import { mergeCookies, parseSetCookies } from './cookie-attributes';
import { describeRanges, parseExpectedStatus, statusExpected } from './expected-status';
import { flattenHeaders, pickHeaders } from './header-picker';
import { resolveGuarded, resolveLiteral, toNetworkGuard, type ResolvedAddress } from './network-guard';
import { askPlainHttp, isRedirectToHttps, plainHttpEntry } from './plain-http-probe';
import { runWithDeadlineLite, type RunCancel } from './run-deadline';
import { RunTrace } from './run-trace';
import { certificateExpiresInMs, describeTlsSocket } from './tls-certificate';

export const DEFAULT_MAX_REDIRECTS = 5;
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const EMPTY_BODY = '';

interface Hop {
  url: URL;
  method: string;
  body?: string;
  /** False once a redirect left the target's origin: credential headers are then not sent. */
  credentials: boolean;
}

interface HopResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  bodyBytes: number;
  bodyTruncated: boolean;
  cookies: CookieAttributes[];
}

/**
 * The parsed target of a spec, kept per spec object (the scheduler hands the same spec to every
 * run of a check) and re-parsed whenever the target text differs. URLs are never mutated.
 */
const parsedTargets = new WeakMap<CheckSpec, { target: string; url: URL }>();

function targetUrl(spec: CheckSpec): URL {
  const cached = parsedTargets.get(spec);
  if (cached && cached.target === spec.target) return cached.url;
  const url = parseUrl(spec.target);
  parsedTargets.set(spec, { target: spec.target, url });
  return url;
}

/**
 * http: one request per hop on a fresh connection (no agent, no socket reuse), so every run
 * measures its own DNS, connect and TLS phases instead of reusing a warm socket. The host is
 * resolved and judged by the network guard here, then the socket is opened to that IP, with SNI
 * and Host kept as the name.
 */
export class HttpCheckRunner implements CheckRunner {
  async check(spec: CheckSpec, signal?: AbortSignal): Promise<CheckRunResult> {
    const trace = new RunTrace();
    const settled = await runWithDeadlineLite(spec.timeoutMs, signal, (cancel) => this.run(spec, trace, cancel));
    trace.timings.totalMs ??= trace.elapsed();
    return trace.finish(spec, settled);
  }

  private async run(spec: CheckSpec, trace: RunTrace, cancel: RunCancel): Promise<void> {
    const options = spec.options;
    const guard = toNetworkGuard(spec.networkGuard);
    const follow = options.follow_redirects !== false;
    const maxRedirects = options.max_redirects ?? DEFAULT_MAX_REDIRECTS;
    let hop: Hop = {
      url: targetUrl(spec),
      method: options.method === undefined ? 'GET' : options.method.toUpperCase(),
      body: options.body,
      credentials: true,
    };
    // Asked beside the main request, with half the budget, so it never makes the run time out.
    const plainEntry = plainHttpEntry(options.plain_http_url, hop.url);
    const plainAnswer = plainEntry ? askPlainHttp(plainEntry, guard, spec.timeoutMs / 2) : undefined;
    const urls: string[] = [];
    let cookies: CookieAttributes[] = [];
    for (let redirects = 0; ; redirects++) {
      urls.push(hop.url.href);
      const response = await this.fetchOnce(spec, hop, guard, trace, cancel);
      cookies = response.cookies.length > 0 ? mergeCookies(cookies, response.cookies) : cookies;
      trace.http = { urls, bodyBytes: response.bodyBytes, bodyTruncated: response.bodyTruncated };
      if (cookies.length > 0) trace.http.cookies = cookies;
      const location = response.headers.location;
      if (follow && REDIRECT_STATUSES.has(response.status) && location) {
        if (redirects >= maxRedirects) {
          throw new CheckFailure('status', `more than ${maxRedirects} redirects (last to ${location})`);
        }
        const next = parseUrl(location, hop.url);
        // 303 (and 301/302 after a POST, as browsers do) turns into a GET without a body.
        const toGet = response.status === 303 || ((response.status === 301 || response.status === 302) && hop.method === 'POST');
        const body = toGet ? undefined : hop.body;
        // A check's credentials are for the origin they were written for (as fetch and curl do).
        const crossOrigin = next.origin !== hop.url.origin;
        if (crossOrigin && body !== undefined) {
          throw new CheckFailure('status', `redirect to another origin (${next.origin}) would resend the request body; not followed`);
        }
        hop = { url: next, method: toGet ? 'GET' : hop.method, body, credentials: hop.credentials && !crossOrigin };
        continue;
      }
      trace.statusCode = response.status;
      trace.headers = pickHeaders(response.headers);
      this.recordHttpsRedirect(trace, targetUrl(spec), hop.url, response, plainAnswer && (await plainAnswer));
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

  /**
   * Whether plain HTTP leads to HTTPS: an http:// target tells by itself (where its redirects
   * ended, or where its last answer points when redirects are not followed); an https:// one
   * only through the plain_http_url answer.
   */
  private recordHttpsRedirect(
    trace: RunTrace,
    target: URL,
    last: URL,
    response: HopResponse,
    plain: PlainHttpAnswer | undefined,
  ): void {
    const details = trace.http!;
    if (target.protocol === 'http:') {
      details.redirectsToHttps = last.protocol === 'https:' || isRedirectToHttps(response.status, response.headers.location, last);
      return;
    }
    if (!plain) return;
    details.plainHttp = plain;
    if (plain.status !== undefined) details.redirectsToHttps = isRedirectToHttps(plain.status, plain.location, new URL(plain.url));
  }

  /** One hop: resolve and judge the host (no promise for an IP literal), then the exchange. */
  private fetchOnce(
    spec: CheckSpec,
    hop: Hop,
    guard: NetworkGuard,
    trace: RunTrace,
    cancel: RunCancel,
  ): Promise<HopResponse> {
    const url = hop.url;
    let hostname = url.hostname;
    if (hostname.charCodeAt(0) === 91 /* [ */) hostname = hostname.replace(/^\[|\]$/g, '');
    // Timings describe the last hop (the one judged); totalMs covers all of them.
    trace.timings = {};
    trace.connected = false;
    trace.tls = undefined;
    let literal: ResolvedAddress | undefined;
    try {
      literal = resolveLiteral(hostname, guard);
    } catch (error) {
      return Promise.reject(error);
    }
    if (literal) return this.exchange(spec, hop, hostname, literal, true, trace, cancel);
    return resolveGuarded(hostname, guard).then((resolved) =>
      this.exchange(spec, hop, hostname, resolved, false, trace, cancel),
    );
  }

  /** One request/response on its own connection; fills the trace's phase timings as they happen. */
  private exchange(
    spec: CheckSpec,
    hop: Hop,
    hostname: string,
    resolved: ResolvedAddress,
    isLiteral: boolean,
    trace: RunTrace,
    cancel: RunCancel,
  ): Promise<HopResponse> {
    trace.timings.dnsMs = resolved.dnsMs;
    trace.ip = resolved.address;
    if (cancel.aborted) return Promise.reject(cancel.reason);

    const options = spec.options;
    const url = hop.url;
    const secure = url.protocol === 'https:';
    const servername = options.servername ?? (isLiteral ? undefined : hostname);
    const headers: Record<string, string> = {
      'user-agent': 'Kuzet-Probe/1.0',
      accept: '*/*',
    };
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      if (hop.credentials || !isSecretHeaderName(name)) headers[name] = value;
    }
    if (options.basic_auth && hop.credentials) {
      const { username, password } = options.basic_auth;
      headers.authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
    }
    headers.host = url.host;
    if (hop.body !== undefined) headers['content-length'] = String(Buffer.byteLength(hop.body));
    const port = url.port ? Number(url.port) : secure ? 443 : 80;
    const maxBody = options.max_body_bytes ?? DEFAULT_MAX_BODY_BYTES;

    return new Promise<HopResponse>((resolve, reject) => {
      let settled = false;
      let request: http.ClientRequest | undefined;
      let socket: net.Socket | undefined;
      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        cancel.onAbort(undefined);
        if (request) request.destroy();
        else socket?.destroy();
        reject(error);
      };
      cancel.onAbort(fail);

      // Phase marks: connect = TCP handshake, tls = TLS handshake, ttfb = request ready -> response head.
      const started = performance.now();
      let ready = started;
      const onConnect = () => {
        trace.connected = true;
        ready = performance.now();
        trace.timings.connectMs = ready - started;
      };
      try {
        // The socket is opened here rather than by an Agent (agent: false builds a throwaway Agent
        // per request): same options an Agent would pass (noDelay, no keep-alive, SNI), no pooling.
        if (secure) {
          const tlsOptions: tls.ConnectionOptions & Pick<net.TcpSocketConnectOpts, 'noDelay'> = {
            host: resolved.address,
            port,
            noDelay: true,
            // Verified by hand after the handshake so that an invalid chain still reports its certificate.
            rejectUnauthorized: false,
            // '' = no SNI, what an Agent sends for an IP-literal Host.
            servername: servername ?? '',
            secureContext: secureContextFor({ caPem: options.ca_pem }),
          };
          const tlsSocket = tls.connect(tlsOptions);
          socket = tlsSocket;
          tlsSocket.once('connect', onConnect);
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
        } else {
          socket = net.connect({ host: resolved.address, port, family: resolved.family, noDelay: true });
          socket.once('connect', onConnect);
        }
        const own = socket;
        const requestOptions: http.RequestOptions = {
          host: resolved.address,
          port,
          path: url.pathname + url.search,
          method: hop.method,
          headers,
          createConnection: () => own,
        };
        request = (secure ? https : http).request(requestOptions);
      } catch (error) {
        fail(error);
        return;
      }
      request.once('error', fail);
      request.once('response', (response: IncomingMessage) => {
        trace.timings.ttfbMs = performance.now() - ready;
        let first: Buffer | undefined;
        let chunks: Buffer[] | undefined;
        let bytes = 0;
        let truncated = false;
        const done = () => {
          if (settled) return;
          settled = true;
          cancel.onAbort(undefined);
          trace.timings.totalMs = trace.elapsed();
          resolve({
            status: response.statusCode ?? 0,
            headers: flattenHeaders(response.headers),
            body: chunks ? Buffer.concat(chunks).toString('utf8') : first ? first.toString('utf8') : EMPTY_BODY,
            bodyBytes: bytes,
            bodyTruncated: truncated,
            cookies: parseSetCookies(response.headers['set-cookie']),
          });
          // Never reused: node half-closes it on a complete response (Connection: close); a body cut
          // at the cap is torn down now rather than read to its end.
          if (truncated || !response.complete) request!.destroy();
        };
        response.on('data', (chunk: Buffer) => {
          if (settled) return;
          const room = maxBody - bytes;
          if (chunk.length >= room) {
            truncated = chunk.length > room || truncated;
            chunk = chunk.subarray(0, room);
          }
          if (first === undefined) first = chunk;
          else (chunks ??= [first]).push(chunk);
          bytes += chunk.length;
          // The cap stops reading; it is not a failure (conditions judge what was read).
          if (truncated) done();
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
