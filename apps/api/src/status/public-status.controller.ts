import { Get, Header, Param, Query, Req, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiQuery } from '@nestjs/swagger';
import type { PublicIncidentPage, PublicIncidentView, PublicSystem, PublicUptime, PublicUptimeList } from '@kuzet/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PUBLIC_CACHE_CONTROL, sendCached, PUBLIC_SLOW_CACHE_CONTROL } from './http-cache';
import { idParam, intParam } from './public-query';
import { MAX_PUBLIC_DAYS, PublicReadService } from './public-read.service';
import { PublicApiController } from './public-route.decorators';
import { PublicSnapshotService } from './public-snapshot.service';

@PublicApiController()
export class PublicStatusController {
  constructor(
    private readonly snapshots: PublicSnapshotService,
    private readonly reads: PublicReadService,
  ) {}

  @Get('status')
  @ApiOperation({
    summary: 'The public status summary',
    description:
      'Public systems with their current status, agencies, categories, active incidents with their public updates, ' +
      'and active or upcoming maintenance. `overall`: the worst of degraded_performance, partial_outage and ' +
      'major_outage among the systems with a status (even when others have no data); else under_maintenance when a ' +
      'system is under maintenance; operational only when every public system has a status and it is operational; ' +
      'else null (no data yet for some or all systems). `systems_without_data`: how many systems have no status yet. ' +
      'Computed once per change and served from memory with an ETag: ' +
      'send If-None-Match to get 304 when nothing changed.',
  })
  @ApiOkResponse({ description: 'PublicStatusSummary (libs/contracts/src/public/public-api.dto.ts)' })
  async status(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const s = await this.snapshots.snapshot();
    await sendCached(request, reply, {
      body: s.body,
      compressed: s.compressed,
      etag: s.etag,
      contentType: 'application/json; charset=utf-8',
      cacheControl: PUBLIC_CACHE_CONTROL,
    });
  }

  @Get('systems')
  @Header('Cache-Control', PUBLIC_CACHE_CONTROL)
  @ApiOperation({ summary: 'Public systems with their current status' })
  systems(): Promise<PublicSystem[]> {
    return this.reads.systems();
  }

  @Get('systems/:code')
  @Header('Cache-Control', PUBLIC_CACHE_CONTROL)
  @ApiOperation({ summary: 'One public system', description: '404 for unknown and non-public systems alike.' })
  @ApiNotFoundResponse({ description: 'No public system with this code.' })
  system(@Param('code') code: string): Promise<PublicSystem> {
    return this.reads.system(code);
  }

  @Get('systems/:code/uptime')
  @Header('Cache-Control', PUBLIC_SLOW_CACHE_CONTROL)
  @ApiOperation({
    summary: "A public system's daily uptime",
    description: 'The last `days` Asia/Almaty days (today partial), from the confirmed status history.',
  })
  @ApiQuery({ name: 'days', required: false, description: `1..${MAX_PUBLIC_DAYS}, default 90` })
  @ApiNotFoundResponse({ description: 'No public system with this code.' })
  uptime(@Param('code') code: string, @Query('days') days?: string): Promise<PublicUptime> {
    return this.reads.uptime(code, intParam('days', days, 90, 1, MAX_PUBLIC_DAYS));
  }

  @Get('uptime')
  @Header('Cache-Control', PUBLIC_SLOW_CACHE_CONTROL)
  @ApiOperation({
    summary: "Every public system's daily uptime",
    description: 'The same days as systems/{code}/uptime, for all public systems in one answer (what the home page draws).',
  })
  @ApiQuery({ name: 'days', required: false, description: `1..${MAX_PUBLIC_DAYS}, default 90` })
  @ApiOkResponse({ description: 'PublicUptimeList (libs/contracts/src/public/public-api.dto.ts)' })
  uptimes(@Query('days') days?: string): Promise<PublicUptimeList> {
    return this.reads.uptimeList(intParam('days', days, 90, 1, MAX_PUBLIC_DAYS));
  }

  @Get('incidents')
  @Header('Cache-Control', PUBLIC_CACHE_CONTROL)
  @ApiOperation({
    summary: 'Incident history of public systems',
    description: 'Newest first, keyset paged: pass next_cursor as cursor for the next page.',
  })
  @ApiQuery({ name: 'cursor', required: false })
  @ApiQuery({ name: 'limit', required: false, description: '1..100, default 20' })
  @ApiQuery({ name: 'system', required: false, description: 'Only this public system' })
  incidents(
    @Query('cursor') cursor?: string,
    @Query('limit') limit?: string,
    @Query('system') system?: string,
  ): Promise<PublicIncidentPage> {
    return this.reads.incidents(intParam('limit', limit, 20, 1, 100), cursor, system);
  }

  @Get('incidents/:id')
  @Header('Cache-Control', PUBLIC_CACHE_CONTROL)
  @ApiOperation({ summary: 'One incident of a public system with its public updates' })
  @ApiNotFoundResponse({ description: 'No incident of a public system with this id.' })
  incident(@Param('id') id: string): Promise<PublicIncidentView> {
    return this.reads.incident(idParam('id', id));
  }
}
