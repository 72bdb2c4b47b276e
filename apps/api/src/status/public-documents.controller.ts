import { Get, Optional, Param, Query, Req, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiProduces, ApiQuery } from '@nestjs/swagger';
import type { PublicLanguage } from '@kuzet/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../config/app-config';
import { PUBLIC_CACHE_CONTROL, PUBLIC_SLOW_CACHE_CONTROL, sendCached } from './http-cache';
import { statusBadge, uptimeBadge } from './public-badge.builder';
import { buildFeed, FeedFormat } from './public-feed.builder';
import { intParam, languageParam } from './public-query';
import { MAX_PUBLIC_DAYS, PublicReadService } from './public-read.service';
import { PUBLIC_API_PREFIX, PublicApiController } from './public-route.decorators';
import { etagOf, PublicSnapshotService } from './public-snapshot.service';

const FEED_ITEMS = 50;
const CONTENT_TYPE: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
};
const SVG = 'image/svg+xml; charset=utf-8';
const LANG_QUERY = { name: 'lang', required: false, enum: ['kk', 'ru', 'en'], description: 'Default ru' };

/** Feeds (RSS, Atom) and SVG badges of the public API. */
@PublicApiController()
export class PublicDocumentsController {
  private readonly base: string;

  constructor(
    private readonly reads: PublicReadService,
    private readonly snapshots: PublicSnapshotService,
    @Optional() config?: AppConfig,
  ) {
    this.base = (config?.notifications.publicUrl ?? 'http://localhost:3000').replace(/\/+$/, '');
  }

  @Get('feed.rss')
  @ApiOperation({ summary: 'RSS 2.0 feed of incidents on public systems and their public updates' })
  @ApiProduces(CONTENT_TYPE.rss)
  @ApiQuery(LANG_QUERY)
  rss(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @Query('lang') lang?: string): Promise<void> {
    return this.feed(req, reply, 'rss', languageParam(lang), null);
  }

  @Get('feed.atom')
  @ApiOperation({ summary: 'Atom 1.0 feed of incidents on public systems and their public updates' })
  @ApiProduces(CONTENT_TYPE.atom)
  @ApiQuery(LANG_QUERY)
  atom(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @Query('lang') lang?: string): Promise<void> {
    return this.feed(req, reply, 'atom', languageParam(lang), null);
  }

  @Get('systems/:code/feed.rss')
  @ApiOperation({ summary: "RSS 2.0 feed of one public system's incidents" })
  @ApiProduces(CONTENT_TYPE.rss)
  @ApiQuery(LANG_QUERY)
  @ApiNotFoundResponse({ description: 'No public system with this code.' })
  systemRss(
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('code') code: string,
    @Query('lang') lang?: string,
  ): Promise<void> {
    return this.feed(req, reply, 'rss', languageParam(lang), code);
  }

  @Get('systems/:code/feed.atom')
  @ApiOperation({ summary: "Atom 1.0 feed of one public system's incidents" })
  @ApiProduces(CONTENT_TYPE.atom)
  @ApiQuery(LANG_QUERY)
  @ApiNotFoundResponse({ description: 'No public system with this code.' })
  systemAtom(
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('code') code: string,
    @Query('lang') lang?: string,
  ): Promise<void> {
    return this.feed(req, reply, 'atom', languageParam(lang), code);
  }

  @Get('systems/:code/badge.svg')
  @ApiOperation({ summary: "SVG badge of a public system's current status" })
  @ApiProduces(SVG)
  @ApiQuery(LANG_QUERY)
  @ApiNotFoundResponse({ description: 'No public system with this code.' })
  async badge(
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('code') code: string,
    @Query('lang') lang?: string,
  ): Promise<void> {
    const language = languageParam(lang);
    const system = await this.reads.system(code);
    await this.svg(req, reply, statusBadge(system.status, language), PUBLIC_CACHE_CONTROL);
  }

  @Get('systems/:code/uptime-badge.svg')
  @ApiOperation({ summary: "SVG badge of a public system's uptime over the last days (Asia/Almaty days)" })
  @ApiProduces(SVG)
  @ApiQuery(LANG_QUERY)
  @ApiQuery({ name: 'days', required: false, description: `1..${MAX_PUBLIC_DAYS}, default 30` })
  @ApiNotFoundResponse({ description: 'No public system with this code.' })
  async uptimeBadge(
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('code') code: string,
    @Query('days') daysText?: string,
    @Query('lang') lang?: string,
  ): Promise<void> {
    const language = languageParam(lang);
    const days = intParam('days', daysText, 30, 1, MAX_PUBLIC_DAYS);
    const uptime = await this.reads.uptime(code, days);
    await this.svg(req, reply, uptimeBadge(uptime.uptime, days, language), PUBLIC_SLOW_CACHE_CONTROL);
  }

  private async svg(req: FastifyRequest, reply: FastifyReply, body: string, cacheControl: string): Promise<void> {
    await sendCached(req, reply, { body, etag: etagOf(body), contentType: SVG, cacheControl });
  }

  private async feed(
    req: FastifyRequest,
    reply: FastifyReply,
    format: FeedFormat,
    lang: PublicLanguage,
    code: string | null,
  ): Promise<void> {
    const system = code === null ? null : await this.reads.system(code);
    const page = await this.reads.incidents(FEED_ITEMS, undefined, code ?? undefined);
    const snapshot = await this.snapshots.snapshot();
    const selfPath = `/api/${PUBLIC_API_PREFIX}${code === null ? '' : `/systems/${code}`}/feed.${format}`;
    const latest = page.items[0]?.updates.at(-1)?.at ?? page.items[0]?.started_at;
    const body = buildFeed(
      {
        base: this.base,
        lang,
        selfPath,
        system: system && { code: system.code, name: system.name[lang] },
        incidents: page.items,
        updated: new Date(latest ?? snapshot.summary.generated_at),
      },
      format,
    );
    await sendCached(req, reply, { body, etag: etagOf(body), contentType: CONTENT_TYPE[format], cacheControl: PUBLIC_CACHE_CONTROL });
  }
}
