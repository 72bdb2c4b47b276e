import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { LOOPBACK } from '../system/front-door';
import { ControlHttpError } from './control-errors';
import { ControlTarget, routeControlRequest } from './control-router';
import { readJsonBody } from './json-body-reader';

/** The control API's HTTP server: loopback only, JSON in and out, nothing it receives can crash it. */
export class ControlServer {
  private readonly server: http.Server;

  constructor(
    target: ControlTarget,
    private readonly logger: Logger,
  ) {
    this.server = http.createServer({ keepAliveTimeout: 5_000, requestTimeout: 30_000 }, (req, res) => {
      void this.handle(target, req, res);
    });
  }

  async listen(port: number): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen({ host: LOOPBACK, port }, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    return `http://${LOOPBACK}:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    if (!this.server.listening) return;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  private async handle(
    target: ControlTarget,
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ): Promise<void> {
    let status = 500;
    let body: unknown = { error: 'internal error' };
    try {
      const url = new URL(req.url ?? '/', 'http://control.invalid');
      const answer = await routeControlRequest(target, {
        method: req.method ?? 'GET',
        path: url.pathname.replace(/\/+$/, '') || '/',
        query: url.searchParams,
        body: () => readJsonBody(req),
      });
      status = answer.status;
      body = answer.body;
    } catch (err) {
      if (err instanceof ControlHttpError) {
        status = err.status;
        body = { error: err.message };
      } else {
        this.logger.error(
          { event: 'control.error', err, method: req.method, url: req.url },
          'control request failed',
        );
      }
    }
    if (status >= 400)
      this.logger.debug(
        { event: 'control.rejected', method: req.method, url: req.url, status },
        'control request rejected',
      );
    const text = JSON.stringify(body);
    if (res.headersSent || res.destroyed) return;
    // Unread request bodies (413, or routes that take none) would otherwise stall keep-alive.
    if (!req.complete) res.setHeader('Connection', 'close');
    res.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(text),
      'Cache-Control': 'no-store',
    });
    res.end(text);
  }
}
