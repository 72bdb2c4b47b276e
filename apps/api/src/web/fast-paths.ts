import { Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { securityHeaderValues } from './security-headers';

/** How often the served counts are logged (one line, instead of one per request). */
const COUNTS_EVERY_MS = 60_000;

/** One hot public document: which requests it takes, and how it answers them (null: not here). */
export interface FastPath {
  name: string;
  matches(request: FastifyRequest): boolean;
  /** Answers the request, or returns false to let the normal pipeline answer it. */
  answer(request: FastifyRequest, reply: FastifyReply): Promise<boolean>;
}

/**
 * The public documents a surge of citizens asks for (the status JSON, the server-rendered pages),
 * answered in Fastify's first request hook from what is already in memory: no middleware, guard,
 * interceptor or per-request log line runs. During a surge that work cost several times the
 * answer itself (README "Performance"). What those layers add is added here, once: helmet's
 * headers (computed by helmet itself, securityHeaderValues); each path adds its own (CORS, rate
 * limit). Instead of a log line per request, one line a minute counts what was served.
 */
export class FastPaths {
  private readonly logger = new Logger(FastPaths.name);
  private readonly paths: FastPath[] = [];
  private readonly headers = securityHeaderValues();
  private readonly counts = new Map<string, number>();

  constructor(fastify: FastifyInstance) {
    const timer = setInterval(() => this.logCounts(), COUNTS_EVERY_MS);
    timer.unref();
    fastify.addHook('onClose', async () => clearInterval(timer));
    fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      const path = this.paths.find((p) => p.matches(request));
      if (!path) return;
      for (const [name, value] of this.headers) reply.header(name, value);
      if (!(await path.answer(request, reply))) return;
      const key = `${path.name} ${reply.statusCode}`;
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
      return reply;
    });
  }

  add(path: FastPath): void {
    this.paths.push(path);
  }

  private logCounts(): void {
    if (this.counts.size === 0) return;
    const served = Object.fromEntries(this.counts);
    this.counts.clear();
    this.logger.log({ event: 'public.fast_path.served', period_s: COUNTS_EVERY_MS / 1000, served });
  }
}
