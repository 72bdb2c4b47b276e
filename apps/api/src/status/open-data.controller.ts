import { Get, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiQuery } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { UPTIME_TIMEZONE } from '../uptime/uptime-summary';
import { PUBLIC_SLOW_CACHE_CONTROL, sendCached } from './http-cache';
import { AVAILABILITY_SCHEMA, availabilityCsv, OPEN_DATA_LICENCE, SCHEMA_PATH } from './open-data';
import { OpenDataService } from './open-data.service';
import { PublicApiController } from './public-route.decorators';
import { etagOf } from './public-snapshot.service';
import { StatusClock } from './status-clock';

const FROM = { name: 'from', required: false, description: 'First day, YYYY-MM-DD (Asia/Almaty); default 29 days before to' };
const TO = { name: 'to', required: false, description: 'Last day, YYYY-MM-DD (Asia/Almaty); default today. At most 366 days.' };
const DESCRIBED_BY = `<${SCHEMA_PATH}>; rel="describedby"; type="application/json"`;
const LICENSE_LINK = `<${OPEN_DATA_LICENCE.path}>; rel="license"`;

/** Open data: daily availability of every public system, CC BY 4.0, with a Table Schema. */
@PublicApiController()
export class OpenDataController {
  constructor(
    private readonly openData: OpenDataService,
    private readonly clock: StatusClock,
  ) {}

  @Get('open-data/availability.csv')
  @ApiOperation({
    summary: 'Daily availability per public system (CSV, CC BY 4.0)',
    description: 'Columns and meaning: open-data/schema.json (Frictionless Table Schema).',
  })
  @ApiProduces('text/csv')
  @ApiQuery(FROM)
  @ApiQuery(TO)
  async csv(
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query('from') from?: string,
    @Query('to') to?: string,
  ): Promise<void> {
    const range = this.openData.range(from, to);
    const body = availabilityCsv(await this.openData.availability(range.from, range.to));
    void reply
      .header('Link', `${DESCRIBED_BY}, ${LICENSE_LINK}`)
      .header('Content-Disposition', `inline; filename="availability-${range.from}-${range.to}.csv"`);
    await sendCached(req, reply, {
      body,
      etag: etagOf(body),
      contentType: 'text/csv; charset=utf-8; header=present',
      cacheControl: PUBLIC_SLOW_CACHE_CONTROL,
    });
  }

  @Get('open-data/availability.json')
  @ApiOperation({
    summary: 'Daily availability per public system (JSON, CC BY 4.0)',
    description: 'The rows of the CSV under `data`, with the licence, the schema link and the range.',
  })
  @ApiQuery(FROM)
  @ApiQuery(TO)
  async json(
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query('from') from?: string,
    @Query('to') to?: string,
  ): Promise<void> {
    const range = this.openData.range(from, to);
    const data = await this.openData.availability(range.from, range.to);
    const content = { licence: OPEN_DATA_LICENCE, schema: SCHEMA_PATH, timezone: UPTIME_TIMEZONE, ...range, data };
    const etag = etagOf(JSON.stringify(content));
    const body = JSON.stringify({ ...content, generated_at: new Date(this.clock.now()).toISOString() });
    void reply.header('Link', `${DESCRIBED_BY}, ${LICENSE_LINK}`);
    await sendCached(req, reply, { body, etag, contentType: 'application/json; charset=utf-8', cacheControl: PUBLIC_SLOW_CACHE_CONTROL });
  }

  @Get('open-data/schema.json')
  @ApiOperation({ summary: 'Frictionless Table Schema of the availability data set (with its licence)' })
  async schema(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const body = JSON.stringify(AVAILABILITY_SCHEMA);
    await sendCached(req, reply, {
      body,
      etag: etagOf(body),
      contentType: 'application/json; charset=utf-8',
      cacheControl: 'public, max-age=86400',
    });
  }
}
