/**
 * Handshake refusals, as the client sees them in connect_error (err.message): the messages are the
 * protocol, keep them stable.
 */
export class RealtimeHandshakeError extends Error {
  constructor(message: 'unauthorized' | 'forbidden origin') {
    super(message);
    this.name = 'RealtimeHandshakeError';
  }
}
