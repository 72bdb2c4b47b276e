import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AgencyReportCard, AgencyScoreRow, SessionUser, SystemScoreDetail } from '@kuzet/contracts';
import { AgencyScope } from '../auth/agency-scope.service';
import { CurrentUser } from '../auth/auth.decorators';
import { agencyRankingCsv } from './scores-csv';
import { resolveScoresQuery } from './scores-query';
import type { ScoresQuery } from './scores-query';
import { ScoresReadService } from './scores-read.service';

const TREND_QUERY = ApiQuery({ name: 'trend_days', required: false, description: 'days of daily scores in `trend` (1-400, default 90)' });
const TOP_QUERY = ApiQuery({ name: 'top', required: false, description: 'findings in `top_findings`, costliest first (0-50, default 3)' });
const FINDING = '{rule, component, points_lost, reason, fix, evidence: {fact, check_id, region, observed_at}, source: {standard, section, url}}';
const ROW = `{agency, name, score, grade, weighted_mean, worst, system_count, trend: [{day, score, grade}], top_findings: [${FINDING} + system], day, computed_at}`;

/**
 * Technology-debt scores (docs/scoring.md): the scorer's latest daily snapshots. Every signed-in
 * role reads them; an agency operator sees its own agency only.
 */
@ApiTags('scores')
@Controller('scores')
export class ScoresController {
  constructor(
    private readonly scores: ScoresReadService,
    private readonly scope: AgencyScope,
  ) {}

  @Get('agencies')
  @ApiOperation({ summary: 'The agency ranking, best first: score, grade, daily trend, top findings (?format=csv: the same as CSV)' })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'] })
  @TREND_QUERY
  @TOP_QUERY
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: `[${ROW}]` })
  @ApiBadRequestResponse({ description: 'invalid format, trend_days or top (the message names the field)' })
  async agencies(
    @Query() query: ScoresQuery,
    @CurrentUser() user: SessionUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AgencyScoreRow[] | string> {
    const q = resolveScoresQuery(query);
    const rows = await this.scores.agencies(this.scope.boundAgency(user), q);
    if (q.format === 'json') return rows;
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', 'attachment; filename="kuzet-agency-scores.csv"');
    return agencyRankingCsv(rows);
  }

  @Get('agencies.csv')
  @ApiOperation({ summary: 'The agency ranking as CSV (a header line, then one line per agency, best first)' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'rank,agency,name_en,name_ru,name_kk,score,grade,weighted_mean,worst_system,worst_score,systems,top_finding,day,computed_at' })
  agenciesCsv(@CurrentUser() user: SessionUser, @Res({ passthrough: true }) reply: FastifyReply): Promise<AgencyScoreRow[] | string> {
    return this.agencies({ format: 'csv' }, user, reply);
  }

  @Get('agencies/:code')
  @ApiOperation({ summary: "An agency's report card: its score and trend, and every system's score, components, caps and findings" })
  @ApiParam({ name: 'code', description: 'agency code' })
  @TREND_QUERY
  @TOP_QUERY
  @ApiOkResponse({ description: `${ROW} + systems: [system score, worst first]` })
  @ApiBadRequestResponse({ description: 'invalid trend_days or top (the message names the field)' })
  @ApiForbiddenResponse({ description: "an agency operator asking for another agency's card" })
  @ApiNotFoundResponse({ description: 'unknown agency code, or no score yet' })
  agency(@Param('code') code: string, @Query() query: ScoresQuery, @CurrentUser() user: SessionUser): Promise<AgencyReportCard> {
    this.scope.assertAgency(user, code);
    return this.scores.agency(code, resolveScoresQuery(query));
  }

  @Get('systems/:code')
  @ApiOperation({ summary: "A system's latest score with its findings, the evidence it was computed from, and its trend" })
  @ApiParam({ name: 'code', description: 'system code' })
  @TREND_QUERY
  @ApiOkResponse({
    description: `{system, name, agency, tier, score, grade, components, caps, findings: [${FINDING}], tls_grade, http_observatory, day, computed_at, evidence, trend}`,
  })
  @ApiBadRequestResponse({ description: 'invalid trend_days (the message names the field)' })
  @ApiForbiddenResponse({ description: "an agency operator asking for another agency's system" })
  @ApiNotFoundResponse({ description: 'unknown system code, or no score yet' })
  async system(@Param('code') code: string, @Query() query: ScoresQuery, @CurrentUser() user: SessionUser): Promise<SystemScoreDetail> {
    await this.scope.assertSystem(user, code);
    return this.scores.system(code, resolveScoresQuery(query));
  }
}
