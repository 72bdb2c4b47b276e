import { Controller, Get, Header, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { AppConfig } from '../config/app-config';
import { MetricsRegistry } from './metrics-registry.service';
import { bearerTokenMatches } from './metrics-token';

/**
 * Prometheus scrape. Without KUZET_METRICS_TOKEN it is open (no session, so Prometheus can
 * scrape) and names public systems only; with it, only `Authorization: Bearer <token>` is
 * answered, with every series.
 */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  async scrape(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const token = this.config.metricsToken;
    if (token !== undefined && !bearerTokenMatches(request.headers.authorization, token)) {
      await reply
        .status(401)
        .header('WWW-Authenticate', 'Bearer realm="kuzet-metrics"')
        .send({ statusCode: 401, message: 'Authorization: Bearer <KUZET_METRICS_TOKEN> is required for /metrics' });
      return;
    }
    const { contentType, body } = await this.metrics.render(token === undefined ? 'public' : 'all');
    await reply.header('Content-Type', contentType).send(body);
  }
}
