import { BadRequestException, Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ResultBatchAck, resultBatchSchema } from '@kuzet/contracts';
import { ResultRegionMismatchError } from '../probing.errors';
import { ResultIntakeService } from '../results/result-intake.service';
import { ProbeAuthGuard, ProbeRequest } from '../tokens/probe-auth.guard';
import { parseOr400 } from './zod-bad-request';
import { Public } from '../../auth/auth.decorators';

@ApiTags('probing')
@ApiBearerAuth()
// No session: probe agents authenticate with their own bearer token (ProbeAuthGuard).
@Public()
@Controller('probe/v1')
@UseGuards(ProbeAuthGuard)
export class ProbeResultsController {
  constructor(private readonly intake: ResultIntakeService) {}

  @Post('results')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Push a batch of check results',
    description: 'Idempotent by batch_id and by (check_id, region, planned_at). Acknowledged once durable.',
  })
  @ApiBody({ description: 'A ResultBatch (libs/contracts probe-protocol)' })
  @ApiOkResponse({ description: 'ResultBatchAck' })
  @ApiBadRequestResponse({ description: 'Invalid batch; the message names the field' })
  @ApiUnauthorizedResponse({ description: 'Missing, unknown or revoked probe token' })
  async push(@Body() body: unknown, @Req() request: ProbeRequest): Promise<ResultBatchAck> {
    const batch = parseOr400(resultBatchSchema, body);
    const region = request.probe!.region;
    const wrong = batch.results.findIndex((r) => r.region !== region);
    if (wrong >= 0) {
      const error = new ResultRegionMismatchError(wrong, batch.results[wrong].region, region);
      throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: error.message });
    }
    return this.intake.accept(batch.batch_id, batch.results, 'remote');
  }
}
