import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import type { HealthCheckResult } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { HealthReport } from './health.dto';
import { HealthService } from './health.service';
import { ReadinessIndicators } from './readiness-indicators';
import { Public } from '../auth/auth.decorators';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthService,
    private readonly terminus: HealthCheckService,
    private readonly readiness: ReadinessIndicators,
  ) {}

  /** 200 when everything is ok, 503 when degraded (database, detector, probing, background jobs, notifier). */
  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: HealthReport })
  @ApiServiceUnavailableResponse({ type: HealthReport })
  async check(@Res() reply: FastifyReply): Promise<void> {
    const report = await this.health.report();
    await reply.status(report.status === 'ok' ? 200 : 503).send(report);
  }

  /** Liveness: the process serves HTTP. Nothing external, so a database outage restarts no node. */
  @Get('live')
  @Header('Cache-Control', 'no-store')
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness: 200 while the process serves requests' })
  live(): Promise<HealthCheckResult> {
    return this.terminus.check([]);
  }

  /** Readiness: 503 while the database does not answer or migrations are pending. */
  @Get('ready')
  @Header('Cache-Control', 'no-store')
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: 200 when the database answers and no migration is pending, else 503' })
  ready(): Promise<HealthCheckResult> {
    return this.terminus.check([() => this.readiness.database(), () => this.readiness.migrations()]);
  }
}
