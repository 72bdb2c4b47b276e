import { Controller, Get, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { UnknownPushTokenError } from '../probing.errors';
import { PushService } from './push.service';
import { Public } from '../../auth/auth.decorators';

@ApiTags('heartbeat')
// No session: the unguessable push token in the path is the credential.
@Public()
@Controller('push')
export class PushController {
  constructor(private readonly push: PushService) {}

  @Post(':token')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record a heartbeat beat for the check with this push token' })
  @ApiParam({ name: 'token' })
  @ApiOkResponse({ description: '{ ok: true }' })
  @ApiNotFoundResponse({ description: 'No heartbeat check has this push token' })
  beatPost(@Param('token') token: string) {
    return this.beat(token);
  }

  @Get(':token')
  @ApiOperation({ summary: 'Record a beat (GET, for a simple cron curl)' })
  @ApiParam({ name: 'token' })
  @ApiOkResponse({ description: '{ ok: true }' })
  @ApiNotFoundResponse({ description: 'No heartbeat check has this push token' })
  beatGet(@Param('token') token: string) {
    return this.beat(token);
  }

  private async beat(token: string): Promise<{ ok: true }> {
    try {
      await this.push.beat(token);
      return { ok: true };
    } catch (error) {
      if (error instanceof UnknownPushTokenError) throw new NotFoundException(error.message);
      throw error;
    }
  }
}
