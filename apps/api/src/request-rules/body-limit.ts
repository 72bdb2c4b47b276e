import type { IncomingHttpHeaders } from 'node:http';

/** Requests larger than this are refused with 413 before any handler runs. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * An oversized body the server still reads (and throws away) after its 413, so that the client
 * gets the answer: closing a socket with unread bytes makes the kernel send a reset, which can
 * destroy the 413 in the client's receive buffer ("fetch failed", EPIPE). nginx calls this
 * lingering close. Above this size the connection is closed at once: reading more costs more
 * than the refusal is worth.
 */
export const OVERSIZED_BODY_DRAIN_BYTES = 16 * 1024 * 1024;

/**
 * True when a 413 answers a body that was refused on its declared length (nothing of it read yet)
 * and that is small enough to drain. Node then reads the rest of it off the wire and keeps the
 * connection, instead of Fastify's `connection: close` resetting it under the client.
 */
export function drainsRefusedBody(statusCode: number, headers: IncomingHttpHeaders): boolean {
  if (statusCode !== 413 || headers['transfer-encoding'] !== undefined) return false;
  const declared = Number(headers['content-length']);
  return Number.isSafeInteger(declared) && declared > BODY_LIMIT_BYTES && declared <= OVERSIZED_BODY_DRAIN_BYTES;
}
