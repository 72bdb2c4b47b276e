import { Body, Controller, Get, HttpCode, Param, Post, Query, UseFilters, UsePipes } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { IncidentsReadService } from '../incidents-read.service';
import { IncidentsService } from '../incidents.service';
import { IncidentsExceptionFilter } from './incidents-exception.filter';
import {
  IncidentDetail,
  IncidentDetailDto,
  IncidentIdDto,
  IncidentPage,
  IncidentPageDto,
  IncidentsQueryDto,
  NoteBodyDto,
  PublicUpdateBodyDto,
} from './incidents.dto';
import { IncidentsValidationPipe } from './incidents-validation.pipe';
import type { Role, SessionUser } from '@kuzet/contracts';
import { AgencyScope } from '../../auth/agency-scope.service';
import { CurrentUser, Roles } from '../../auth/auth.decorators';
import { Audited } from '../../audit/audited.decorator';

/** Who may act on an incident; an agency operator only on its agency's (AgencyScope). */
const INCIDENT_WRITERS: Role[] = ['admin', 'duty_officer', 'agency_operator'];

@ApiTags('incidents')
@Controller('incidents')
@UsePipes(IncidentsValidationPipe)
@UseFilters(IncidentsExceptionFilter)
export class IncidentsController {
  constructor(
    private readonly reads: IncidentsReadService,
    private readonly incidents: IncidentsService,
    private readonly scope: AgencyScope,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Incidents, newest opened first; filters agency, system, state, from, to (opened_at); paged by cursor',
  })
  @ApiOkResponse({ type: IncidentPageDto })
  @ApiBadRequestResponse()
  async list(@Query() query: IncidentsQueryDto, @CurrentUser() user: SessionUser): Promise<IncidentPage> {
    if (query.system) await this.scope.assertSystem(user, query.system);
    return this.reads.list({ ...query, agency: this.scope.agencyFilter(user, query.agency) });
  }

  @Get(':id')
  @ApiOperation({ summary: 'One incident with its timeline' })
  @ApiOkResponse({ type: IncidentDetailDto })
  @ApiNotFoundResponse()
  async get(@Param() params: IncidentIdDto, @CurrentUser() user: SessionUser): Promise<IncidentDetail> {
    await this.scope.assertIncident(user, Number(params.id));
    return this.reads.detail(Number(params.id));
  }

  @Post(':id/ack')
  @Roles(...INCIDENT_WRITERS)
  @Audited('incident.ack', { target: 'incident' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Acknowledge an incident' })
  @ApiOkResponse({ type: IncidentDetailDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'the incident is resolved' })
  async ack(@Param() params: IncidentIdDto, @CurrentUser() user: SessionUser): Promise<IncidentDetail> {
    await this.scope.assertIncident(user, Number(params.id));
    await this.incidents.acknowledge(Number(params.id), user.email);
    return this.reads.detail(Number(params.id));
  }

  @Post(':id/resolve')
  @Roles(...INCIDENT_WRITERS)
  @Audited('incident.resolve', { target: 'incident' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Resolve an incident by hand (its symptoms are relinked or become roots)' })
  @ApiOkResponse({ type: IncidentDetailDto })
  @ApiNotFoundResponse()
  async resolve(@Param() params: IncidentIdDto, @CurrentUser() user: SessionUser): Promise<IncidentDetail> {
    await this.scope.assertIncident(user, Number(params.id));
    await this.incidents.resolve(Number(params.id), user.email);
    return this.reads.detail(Number(params.id));
  }

  @Post(':id/notes')
  @Roles(...INCIDENT_WRITERS)
  @Audited('incident.note', { target: 'incident' })
  @HttpCode(201)
  @ApiOperation({ summary: 'Add an internal note (never public)' })
  @ApiOkResponse({ type: IncidentDetailDto })
  @ApiBadRequestResponse()
  @ApiNotFoundResponse()
  async note(
    @Param() params: IncidentIdDto,
    @Body() body: NoteBodyDto,
    @CurrentUser() user: SessionUser,
  ): Promise<IncidentDetail> {
    await this.scope.assertIncident(user, Number(params.id));
    await this.incidents.addNote(Number(params.id), body.text, user.email);
    return this.reads.detail(Number(params.id));
  }

  @Post(':id/public-updates')
  @Roles(...INCIDENT_WRITERS)
  @Audited('incident.public_update', { target: 'incident' })
  @HttpCode(201)
  @ApiOperation({ summary: 'Add a public update in kk/ru/en and set the public state' })
  @ApiOkResponse({ type: IncidentDetailDto })
  @ApiBadRequestResponse()
  @ApiNotFoundResponse()
  async publicUpdate(
    @Param() params: IncidentIdDto,
    @Body() body: PublicUpdateBodyDto,
    @CurrentUser() user: SessionUser,
  ): Promise<IncidentDetail> {
    await this.scope.assertIncident(user, Number(params.id));
    await this.incidents.addPublicUpdate(Number(params.id), body.public_state, body.text, user.email);
    return this.reads.detail(Number(params.id));
  }
}
