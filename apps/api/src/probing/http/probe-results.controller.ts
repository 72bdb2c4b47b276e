import { BadRequestException, Body, Controller, HttpCode, Post, Req, ServiceUnavailableException, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ResultBatchAck, resultBatchSchema } from '@kuzet/contracts';
import { AssignmentsNotLoadedError, ResultRegionMismatchError } from '../probing.errors';
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
    description:
      'Idempotent by batch_id and by (check_id, region, planned_at). Acknowledged once durable. Only results of checks ' +
      "assigned to the token's region, planned within [now - replay horizon, now + clock skew], are stored; the others " +
      'are counted per reason in `rejected`.',
  })
  @ApiBody({ description: 'A ResultBatch (libs/contracts probe-protocol)' })
  @ApiOkResponse({ description: 'ResultBatchAck' })
  @ApiBadRequestResponse({ description: 'Invalid batch; the message names the field' })
  @ApiUnauthorizedResponse({ description: 'Missing, unknown or revoked probe token' })
  @ApiServiceUnavailableResponse({ description: 'The assigned checks are not loaded yet; the agent keeps the batch and retries' })
  async push(@Body() body: unknown, @Req() request: ProbeRequest): Promise<ResultBatchAck> {
    const batch = parseOr400(resultBatchSchema, body);
    const region = request.probe!.region;
    const wrong = batch.results.findIndex((r) => r.region !== region);
    if (wrong >= 0) {
      const error = new ResultRegionMismatchError(wrong, batch.results[wrong].region, region);
      throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: error.message });
    }
    try {
      return await this.intake.accept(batch.batch_id, batch.results, 'remote');
    } catch (error) {
      if (error instanceof AssignmentsNotLoadedError) throw new ServiceUnavailableException(error.message);
      throw error;
    }
  }
}
