import { Controller, Get, Inject, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Assignment } from '@kuzet/contracts';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { AssignmentService } from '../assignment/assignment.service';
import { PROBING_OPTIONS, ProbingOptions } from '../probing.options';
import { AgentRegistryService } from '../registry/agent-registry.service';
import { ProbeAuthGuard, ProbeRequest } from '../tokens/probe-auth.guard';
import { parseOr400 } from './zod-bad-request';
import { Public } from '../../auth/auth.decorators';

const querySchema = z.object({
  agent: z.string().min(1).max(100).regex(/^[A-Za-z0-9._:@-]+$/, 'letters, digits and . _ : @ - only'),
  revision: z.string().max(200).optional(),
});

@ApiTags('probing')
@ApiBearerAuth()
// No session: probe agents authenticate with their own bearer token (ProbeAuthGuard).
@Public()
@Controller('probe/v1')
@UseGuards(ProbeAuthGuard)
export class ProbeAssignmentsController {
  constructor(
    @Inject(PROBING_OPTIONS) private readonly options: ProbingOptions,
    private readonly assignments: AssignmentService,
    private readonly registry: AgentRegistryService,
  ) {}

  @Get('assignments')
  @ApiOperation({
    summary: "Long-poll an agent's assignment",
    description:
      'Answers at once when the assignment differs from `revision`, else waits (up to the poll wait) for a change. Each poll is the agent heartbeat.',
  })
  @ApiQuery({ name: 'agent', required: true })
  @ApiQuery({ name: 'revision', required: false })
  @ApiOkResponse({ description: 'The Assignment (libs/contracts probe-protocol)' })
  @ApiUnauthorizedResponse({ description: 'Missing, unknown or revoked probe token' })
  async poll(
    @Query() query: unknown,
    @Req() request: ProbeRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Assignment> {
    const { agent, revision } = parseOr400(querySchema, query);
    const region = request.probe!.region;
    await this.assignments.ready();
    const gone = new AbortController();
    let answered = false;
    const onClose = () => {
      if (!answered) gone.abort();
    };
    reply.raw.on('close', onClose);
    this.registry.beginPoll(agent, region);
    try {
      const assignment = await this.assignments.waitForChange(agent, region, revision ?? '', this.options.pollWaitS * 1000, gone.signal);
      answered = !gone.signal.aborted;
      return assignment;
    } finally {
      reply.raw.off('close', onClose);
      this.registry.endPoll(agent, !gone.signal.aborted);
    }
  }
}
