import { INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';

/** socket.io's path (the one HTTP port serves it, next to the REST API and the web app). */
export const SOCKET_IO_PATH = '/socket.io';
/** Clients only send small sync requests: anything bigger is refused by socket.io itself. */
export const MAX_CLIENT_MESSAGE_BYTES = 16 * 1024;
export const DEFAULT_REDIS_KEY = 'kuzet.socket.io';

export interface RealtimeIoAdapterOptions {
  /** Fan-out across API nodes through Redis pub/sub when set. */
  redisUrl?: string;
  /** Redis channel prefix (tests use a unique one per run). */
  redisKey?: string;
}

/**
 * socket.io on the application's own HTTP server (Fastify's underlying Node server), with the
 * Redis adapter when a Redis URL is configured. The Redis clients are closed on shutdown.
 */
export class RealtimeIoAdapter extends IoAdapter {
  private readonly logger = new Logger(RealtimeIoAdapter.name);
  private readonly redis: Redis[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly options: RealtimeIoAdapterOptions = {},
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: Partial<ServerOptions>): Server {
    const server: Server = super.createIOServer(port, {
      ...options,
      path: SOCKET_IO_PATH,
      serveClient: false,
      maxHttpBufferSize: MAX_CLIENT_MESSAGE_BYTES,
    });
    if (this.options.redisUrl) server.adapter(this.redisAdapter(this.options.redisUrl));
    return server;
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    const clients = this.redis.splice(0);
    await Promise.all(clients.map((c) => c.quit().catch(() => c.disconnect())));
  }

  private redisAdapter(url: string): ReturnType<typeof createAdapter> {
    const pub = new Redis(url, { maxRetriesPerRequest: null });
    const sub = pub.duplicate();
    for (const [role, client] of [
      ['publisher', pub],
      ['subscriber', sub],
    ] as const) {
      // Without a listener an unreachable Redis would crash the process; ioredis reconnects by itself.
      client.on('error', (error: Error) =>
        this.logger.warn({ msg: 'redis error', role, err: error.message }),
      );
      this.redis.push(client);
    }
    this.logger.log({
      msg: 'socket.io fan-out through redis',
      key: this.options.redisKey ?? DEFAULT_REDIS_KEY,
    });
    return createAdapter(pub, sub, { key: this.options.redisKey ?? DEFAULT_REDIS_KEY });
  }
}
