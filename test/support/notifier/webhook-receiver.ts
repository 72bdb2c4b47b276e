import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the receiver accepted (answered 2xx). */
export interface ReceivedWebhook {
  id: string;
  path: string;
  body: { kind: string; level: number; incidents: { incidentId: number; systemCode: string; alsoAffected: { systemCode: string }[] }[] };
}

type Mode = { kind: 'ok' } | { kind: 'unavailable'; retryAfterS: number } | { kind: 'gone' } | { kind: 'hang' };

/**
 * A webhook receiver on loopback (plain node http): records what it accepts, can answer 503 with
 * Retry-After or 410, or hang, and can be stopped and restarted on the same port (connection refused meanwhile).
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  /** Every request, whatever the answer: "<status> <webhook-id>". */
  readonly attempts: string[] = [];
  mode: Mode = { kind: 'ok' };
  private server: Server | undefined;
  private port = 0;

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      void readBody(req).then((text) => {
        const id = String(req.headers['webhook-id'] ?? '');
        const mode = this.mode;
        // Takes the request and never answers (the sender is killed meanwhile).
        if (mode.kind === 'hang') return void this.attempts.push(`hang ${id}`);
        const status = mode.kind === 'ok' ? 200 : mode.kind === 'gone' ? 410 : 503;
        this.attempts.push(`${status} ${id}`);
        if (mode.kind === 'unavailable') res.setHeader('retry-after', String(mode.retryAfterS));
        if (status === 200) this.received.push({ id, path: req.url ?? '', body: JSON.parse(text) as ReceivedWebhook['body'] });
        res.statusCode = status;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Closes the listening socket: senders get connection refused until start() again. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  to(path: string): ReceivedWebhook[] {
    return this.received.filter((r) => r.path === path);
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
