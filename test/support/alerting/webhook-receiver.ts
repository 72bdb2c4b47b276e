import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Webhook } from 'standardwebhooks';
import { freePort } from '../free-port';
import { waitUntil } from './wait-until';

/** One delivery as the receiver saw it; `verified` says whether a known secret's signature matched. */
export interface ReceivedWebhook {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  payload: unknown;
  verified: boolean;
  /** What the receiver answered. */
  status: number;
}

/** How the receiver answers: accept, or one of the failures Kuzet must survive. */
export type ReceiverMode =
  { kind: 'accept' } | { kind: 'status'; status: number; retryAfter?: string } | { kind: 'hang' };

export interface WebhookReceiver {
  port: number;
  url: string;
  received: ReceivedWebhook[];
  /** The secrets it verifies with (any one matching is enough), like a receiver mid-rotation. */
  setSecrets: (secrets: string[]) => void;
  setMode: (mode: ReceiverMode) => void;
  /** Close the listener and every connection: connections are refused until up(). */
  down: () => Promise<void>;
  up: () => Promise<void>;
  waitForDeliveries: (count: number, timeoutMs?: number) => Promise<ReceivedWebhook[]>;
  close: () => Promise<void>;
}

const MAX_BODY = 1024 * 1024;
const MAX_RECORDS = 100_000;

function verify(secrets: string[], body: string, headers: Record<string, string>): boolean {
  return secrets.some((secret) => {
    try {
      new Webhook(secret).verify(body, headers);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * A webhook receiver on 127.0.0.1 (node http) that verifies Standard Webhooks signatures with
 * the `standardwebhooks` package, as a receiver's own code would. Only signed, verified
 * deliveries are accepted (401 otherwise). It can go down (refused connections) and come back on
 * the same port, or answer 503/429 with Retry-After, 410, or any status.
 */
export async function startWebhookReceiver(secrets: string[]): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let known = secrets;
  let mode: ReceiverMode = { kind: 'accept' };
  const port = await freePort();

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) req.destroy();
      else chunks.push(c);
    });
    req.on('end', () => {
      if (mode.kind === 'hang') return;
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = {
        'webhook-id': String(req.headers['webhook-id'] ?? ''),
        'webhook-timestamp': String(req.headers['webhook-timestamp'] ?? ''),
        'webhook-signature': String(req.headers['webhook-signature'] ?? ''),
      };
      const verified = req.method === 'POST' && verify(known, body, headers);
      const status = mode.kind === 'status' ? mode.status : verified ? 204 : 401;
      let payload: unknown = null;
      try {
        payload = JSON.parse(body);
      } catch {
        payload = null;
      }
      if (received.length < MAX_RECORDS) {
        received.push({
          id: headers['webhook-id'],
          timestamp: headers['webhook-timestamp'],
          signature: headers['webhook-signature'],
          body,
          payload,
          verified,
          status,
        });
      }
      if (mode.kind === 'status' && mode.retryAfter !== undefined)
        res.setHeader('retry-after', mode.retryAfter);
      res.statusCode = status;
      res.end();
    });
  };

  let server = createServer(handle);
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer(handle);
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  await listen();

  return {
    port,
    url: `http://127.0.0.1:${port}/hooks/kuzet`,
    received,
    setSecrets: (s) => {
      known = s;
    },
    setMode: (m) => {
      mode = m;
    },
    down: stop,
    up: listen,
    waitForDeliveries: (count, timeoutMs = 10_000) =>
      waitUntil(
        () => (received.length >= count ? received : undefined),
        timeoutMs,
        `${count} webhook deliveries`,
      ),
    close: () => (server.listening ? stop() : Promise.resolve()),
  };
}
