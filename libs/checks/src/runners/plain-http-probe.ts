import * as http from 'node:http';
import type { NetworkGuard, PlainHttpAnswer } from '../check-run-result';
import { resolveGuarded } from './network-guard';
import { classifyTransportError } from './transport-error-classifier';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * The plain-HTTP entry point to ask for an https:// target, from the `plain_http_url` option:
 * true = the same host and path over http:// on port 80; a string = that http:// URL. Null when
 * not asked (or when the option is not an http:// URL, which the catalog already refuses).
 */
export function plainHttpEntry(option: boolean | string | undefined, target: URL): URL | null {
  if (target.protocol !== 'https:' || option === undefined || option === false) return null;
  // host without its port ([v6] keeps its brackets): the plain entry point is on port 80.
  if (option === true)
    return new URL(`http://${target.host.replace(/:\d+$/, '')}${target.pathname}${target.search}`);
  try {
    const url = new URL(option);
    return url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/** A response redirects to HTTPS when it is a redirect whose Location resolves to an https:// URL. */
export function isRedirectToHttps(
  status: number | undefined,
  location: string | undefined,
  base: URL,
): boolean {
  if (status === undefined || !REDIRECT_STATUSES.has(status) || !location) return false;
  try {
    return new URL(location, base).protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * One GET of the plain-HTTP entry point, redirects not followed and the body not read: its
 * status and Location are all the score needs. Judged by the network guard like every target;
 * gives up after `timeoutMs`. Never rejects: a failure is reported in `error`.
 */
export function askPlainHttp(url: URL, guard: NetworkGuard, timeoutMs: number): Promise<PlainHttpAnswer> {
  return new Promise((resolve) => {
    let request: http.ClientRequest | undefined;
    let done = false;
    const finish = (answer: Omit<PlainHttpAnswer, 'url'>) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      request?.destroy();
      resolve({ url: url.href, ...answer });
    };
    // One budget for the lookup and the exchange: a resolver that hangs must not hold the run.
    const timer = setTimeout(
      () => finish({ error: `no answer within ${Math.round(timeoutMs)} ms` }),
      timeoutMs,
    );
    const fail = (error: unknown) => finish({ error: classifyTransportError(error).message.slice(0, 500) });
    resolveGuarded(url.hostname.replace(/^\[|\]$/g, ''), guard).then((resolved) => {
      if (done) return;
      request = http.request({
        host: resolved.address,
        family: resolved.family,
        port: url.port ? Number(url.port) : 80,
        path: url.pathname + url.search,
        method: 'GET',
        headers: { host: url.host, 'user-agent': 'Kuzet-Probe/1.0', accept: '*/*' },
        agent: false,
      });
      request.once('response', (response) => {
        const status = response.statusCode;
        const location = response.headers.location;
        const redirect = location && status !== undefined && REDIRECT_STATUSES.has(status);
        finish({ status, ...(redirect ? { location: location.slice(0, 2000) } : {}) });
      });
      request.on('error', fail);
      request.end();
    }, fail);
  });
}
