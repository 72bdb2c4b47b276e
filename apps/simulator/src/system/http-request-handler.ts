import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Http2ServerRequest, Http2ServerResponse } from 'node:http2';
import { TimerSet } from '../util/timer-set';
import { HttpPlan } from './http-response-plan';

type AnyRequest = IncomingMessage | Http2ServerRequest;
type AnyResponse = ServerResponse | Http2ServerResponse;

/** The subset of the HTTP/1 and HTTP/2 compatibility responses this handler uses. */
interface PlainResponse {
  writeHead(status: number, headers: Record<string, string>): unknown;
  end(body?: string): unknown;
  readonly writableEnded: boolean;
  readonly destroyed?: boolean;
}

export type PlanFor = (method: string, path: string, host: string | undefined) => HttpPlan;

/** Carries out the planned response: hang, reset, or answer (after a simulated delay). */
export function createHttpRequestHandler(planFor: PlanFor, timers: TimerSet) {
  return (req: AnyRequest, res: AnyResponse): void => {
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    // HTTP/2 carries the host in :authority, which node's compatibility API also exposes as host.
    const host =
      req.headers.host ?? (req.headers as Record<string, string | string[] | undefined>)[':authority'];
    const plan = planFor(
      req.method ?? 'GET',
      query === -1 ? url : url.slice(0, query),
      typeof host === 'string' ? host : undefined,
    );
    switch (plan.kind) {
      case 'hang':
        // Never answer: the connection stays open until the client gives up or stop() closes it.
        return;
      case 'reset':
        req.socket.destroy();
        return;
      case 'respond': {
        const out = res as unknown as PlainResponse;
        const send = () => {
          if (out.writableEnded || out.destroyed || req.socket.destroyed) return;
          out.writeHead(plan.status, {
            ...plan.headers,
            'Content-Length': String(Buffer.byteLength(plan.body)),
          });
          out.end(plan.body);
        };
        if (plan.delayMs > 0) timers.after(plan.delayMs, send);
        else send();
      }
    }
  };
}
