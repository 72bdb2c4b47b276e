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

/** The actor recorded on the timeline until sign-in exists. */
const API_ACTOR = 'api';

@ApiTags('incidents')
@Controller('incidents')
@UsePipes(IncidentsValidationPipe)
@UseFilters(IncidentsExceptionFilter)
export class IncidentsController {
  constructor(
    private readonly reads: IncidentsReadService,
    private readonly incidents: IncidentsService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Incidents, newest opened first; filters agency, system, state, from, to (opened_at); paged by cursor',
  })
  @ApiOkResponse({ type: IncidentPageDto })
  @ApiBadRequestResponse()
  list(@Query() query: IncidentsQueryDto): Promise<IncidentPage> {
    return this.reads.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One incident with its timeline' })
  @ApiOkResponse({ type: IncidentDetailDto })
  @ApiNotFoundResponse()
  get(@Param() params: IncidentIdDto): Promise<IncidentDetail> {
    return this.reads.detail(Number(params.id));
  }

  @Post(':id/ack')
  @HttpCode(200)
  @ApiOperation({ summary: 'Acknowledge an incident' })
  @ApiOkResponse({ type: IncidentDetailDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'the incident is resolved' })
  async ack(@Param() params: IncidentIdDto): Promise<IncidentDetail> {
    await this.incidents.acknowledge(Number(params.id), API_ACTOR);
    return this.reads.detail(Number(params.id));
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resolve an incident by hand (its symptoms are relinked or become roots)' })
  @ApiOkResponse({ type: IncidentDetailDto })
  @ApiNotFoundResponse()
  async resolve(@Param() params: IncidentIdDto): Promise<IncidentDetail> {
    await this.incidents.resolve(Number(params.id), API_ACTOR);
    return this.reads.detail(Number(params.id));
  }

  @Post(':id/notes')
  @HttpCode(201)
  @ApiOperation({ summary: 'Add an internal note (never public)' })
  @ApiOkResponse({ type: IncidentDetailDto })
  @ApiBadRequestResponse()
  @ApiNotFoundResponse()
  async note(@Param() params: IncidentIdDto, @Body() body: NoteBodyDto): Promise<IncidentDetail> {
    await this.incidents.addNote(Number(params.id), body.text, API_ACTOR);
    return this.reads.detail(Number(params.id));
  }

  @Post(':id/public-updates')
  @HttpCode(201)
  @ApiOperation({ summary: 'Add a public update in kk/ru/en and set the public state' })
  @ApiOkResponse({ type: IncidentDetailDto })
  @ApiBadRequestResponse()
  @ApiNotFoundResponse()
  async publicUpdate(
    @Param() params: IncidentIdDto,
    @Body() body: PublicUpdateBodyDto,
  ): Promise<IncidentDetail> {
    await this.incidents.addPublicUpdate(Number(params.id), body.public_state, body.text, API_ACTOR);
    return this.reads.detail(Number(params.id));
  }
}
