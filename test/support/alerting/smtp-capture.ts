import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { waitUntil } from './wait-until';

/** One message as the capture server received and parsed it. */
export interface CapturedMail {
  envelopeFrom: string | null;
  envelopeTo: string[];
  parsed: ParsedMail;
}

export interface SmtpCapture {
  port: number;
  /** smtp://127.0.0.1:port, for KUZET_SMTP_URL. */
  url: string;
  messages: CapturedMail[];
  /** Refuse the next `count` messages with this SMTP reply (e.g. 451 transient, 550 final). */
  refuseNext: (count: number, responseCode: number) => void;
  waitForMessages: (count: number, timeoutMs?: number) => Promise<CapturedMail[]>;
  close: () => Promise<void>;
}

const MAX_MESSAGES = 10_000;
const MAX_SIZE = 5 * 1024 * 1024;

/**
 * A real SMTP server (the smtp-server package) on 127.0.0.1 that parses every message with
 * mailparser: what a mail relay would get from Kuzet. Plain SMTP, no auth, bounded storage.
 */
export async function startSmtpCapture(): Promise<SmtpCapture> {
  const messages: CapturedMail[] = [];
  let refusals = 0;
  let refusalCode = 451;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    size: MAX_SIZE,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          if (refusals > 0) {
            refusals--;
            const err = Object.assign(new Error('refused by the test'), { responseCode: refusalCode });
            return callback(err);
          }
          if (messages.length < MAX_MESSAGES) {
            messages.push({
              envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
              envelopeTo: session.envelope.rcptTo.map((r) => r.address),
              parsed,
            });
          }
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    refuseNext: (count, responseCode) => {
      refusals = count;
      refusalCode = responseCode;
    },
    waitForMessages: (count, timeoutMs = 10_000) =>
      waitUntil(() => (messages.length >= count ? messages : undefined), timeoutMs, `${count} e-mails`),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
