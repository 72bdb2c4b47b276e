import * as net from 'node:net';

export const LOOPBACK = '127.0.0.1';

/**
 * serve: hand each connection to the protocol server; blackhole: accept and never answer
 * (the `timeout` fault); closed: nothing listens, so connections are refused.
 */
export type DoorMode = 'serve' | 'blackhole' | 'closed';

/**
 * The one listening socket of a simulated port. Protocol servers (HTTP, HTTPS, the line
 * protocol) never listen themselves: the door hands them accepted sockets. That lets one port
 * be refused, black-holed or re-certified without changing its number, and lets stop() destroy
 * every connection it ever accepted.
 */
export class FrontDoor {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  private mode: DoorMode = 'closed';
  private boundPort = 0;

  constructor(
    readonly name: string,
    private readonly handoff: (socket: net.Socket) => void,
  ) {}

  get port(): number {
    return this.boundPort;
  }

  get currentMode(): DoorMode {
    return this.mode;
  }

  /** Listens on `port` (0 = ephemeral) the first time, then always on the same port again. */
  async open(port = this.boundPort): Promise<void> {
    if (this.server) return;
    const server = net.createServer((socket) => this.accept(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: LOOPBACK, port }, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.boundPort = (server.address() as net.AddressInfo).port;
    if (this.mode === 'closed') this.mode = 'serve';
  }

  async setMode(mode: DoorMode): Promise<void> {
    if (mode === 'closed') {
      await this.close();
      return;
    }
    // Sockets held by a hung server are dropped when it recovers, so none linger unbounded.
    if (this.mode === 'blackhole' && mode === 'serve') this.destroyConnections();
    this.mode = mode;
    if (!this.server) await this.open();
  }

  /** Stops listening and destroys every accepted connection: clients see ECONNREFUSED / reset. */
  async close(): Promise<void> {
    this.mode = 'closed';
    const server = this.server;
    this.server = null;
    this.destroyConnections();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Drops live connections, e.g. after a certificate swap so keep-alive clients see the new one. */
  destroyConnections(): void {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  get connectionCount(): number {
    return this.sockets.size;
  }

  private accept(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
    // Resets from clients must never become an uncaught 'error'; protocol servers add their own handlers too.
    socket.on('error', () => undefined);
    if (this.mode === 'blackhole') {
      // Read and discard so a client hang-up is noticed and the socket freed.
      socket.resume();
      socket.once('end', () => socket.destroy());
      return;
    }
    this.handoff(socket);
  }
}
