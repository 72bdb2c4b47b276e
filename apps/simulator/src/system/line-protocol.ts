import type { Socket } from 'node:net';
import { TimerSet } from '../util/timer-set';

export interface LineProtocolContext {
  code: string;
  /** Answers the banner: READY normally, ERROR when the system is down in 5xx mode. */
  banner: () => string;
  /** Simulated latency before the banner and each reply. */
  delayMs: () => number;
  timers: TimerSet;
}

const MAX_LINE = 1024;
const IDLE_MS = 60_000;

/**
 * The simulated TCP service: a banner on connect (`KUZET-SIM <code> READY`), then
 * PING -> PONG, QUIT -> BYE and close, anything else -> ERR.
 */
export function serveLineProtocol(socket: Socket, ctx: LineProtocolContext): void {
  socket.setEncoding('utf8');
  socket.setTimeout(IDLE_MS, () => socket.destroy());
  // Replies keep their order even when a random delay is shorter than the previous one.
  let lastDueMs = 0;
  const write = (text: string, then?: () => void) => {
    const now = Date.now();
    lastDueMs = Math.max(now + ctx.delayMs(), lastDueMs);
    ctx.timers.after(lastDueMs - now, () => {
      if (socket.destroyed || !socket.writable) return;
      socket.write(text, then ? () => then() : undefined);
    });
  };
  write(`${ctx.banner()}\r\n`);
  let buffer = '';
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    if (buffer.length > MAX_LINE && !buffer.includes('\n')) {
      socket.destroy();
      return;
    }
    let newline: number;
    while ((newline = buffer.indexOf('\n')) !== -1) {
      const line = buffer.slice(0, newline).replace(/\r$/, '').trim().toUpperCase();
      buffer = buffer.slice(newline + 1);
      if (line === 'PING') write('PONG\r\n');
      else if (line === 'QUIT') write('BYE\r\n', () => socket.end());
      else if (line !== '') write('ERR unknown command\r\n');
    }
  });
}
