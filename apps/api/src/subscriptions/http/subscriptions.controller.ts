import { Body, Controller, Get, HttpCode, Post, Query, Req, Res, UseFilters, UsePipes } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../auth/auth.decorators';
import { clientAddress } from '../../auth/authenticated-request';
import { SubscriptionsService, type SignUpAnswer } from '../subscriptions.service';
import { subscriptionPage, wantsJson, type SubscriptionPageKind } from './subscription-page';
import { SignUpAnswerDto, SubscribeBodyDto, TokenQueryDto } from './subscriptions.dto';
import { SubscriptionsExceptionFilter } from './subscriptions-exception.filter';
import { SubscriptionsValidationPipe } from './subscriptions-validation.pipe';
import type { SubscriptionLanguage } from '../subscription-record';

const STATUS: Record<SubscriptionPageKind, number> = {
  confirmed: 200,
  cancelled: 200,
  unsubscribe: 200,
  unsubscribed: 200,
  expired: 410,
  unknown: 404,
};

@ApiTags('public')
// Anonymous: the tokens in the links are the credentials.
@Public()
@Controller('public/v1/subscriptions')
@UseFilters(SubscriptionsExceptionFilter)
@UsePipes(SubscriptionsValidationPipe)
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Subscribe to a public system, an agency or everything, by e-mail (double opt-in) or webhook',
  })
  @ApiAcceptedResponse({ type: SignUpAnswerDto, description: 'The same answer whether or not the address was subscribed already' })
  @ApiBadRequestResponse()
  @ApiNotFoundResponse({ description: 'No public system or agency with that code' })
  @ApiTooManyRequestsResponse({ description: 'Too many sign-ups from this address or for this e-mail (Retry-After)' })
  subscribe(@Body() body: SubscribeBodyDto, @Req() request: FastifyRequest): Promise<SignUpAnswer> {
    const signUp = body.email !== undefined
      ? { channel: 'email' as const, address: body.email }
      : { channel: 'webhook' as const, address: body.webhook_url ?? '' };
    return this.subscriptions.subscribe({ ...signUp, scope: body.scope, language: body.language }, clientAddress(request));
  }

  @Get('confirm')
  @ApiOperation({ summary: 'Confirm an e-mail subscription (the link in the confirmation message); idempotent' })
  @ApiOkResponse({ description: 'A small trilingual HTML page, or { status } when JSON is asked for' })
  async confirm(@Query() query: TokenQueryDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const { outcome, language } = await this.subscriptions.confirm(query.token);
    this.page(request, reply, outcome, language);
  }

  @Get('unsubscribe')
  @ApiOperation({ summary: 'The unsubscribe link: a page whose button POSTs to the same link (a GET changes nothing)' })
  @ApiOkResponse({ description: 'HTML page, or { status } when JSON is asked for' })
  async unsubscribePage(@Query() query: TokenQueryDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const language = await this.subscriptions.unsubscribeLanguage(query.token);
    this.page(request, reply, language ? 'unsubscribe' : 'unknown', language, `?token=${encodeURIComponent(query.token)}`);
  }

  @Post('unsubscribe')
  @HttpCode(200)
  @ApiOperation({ summary: 'One-click unsubscribe (RFC 8058: List-Unsubscribe-Post); any body is accepted and ignored' })
  @ApiOkResponse({ description: 'HTML page, or { status } when JSON is asked for' })
  async unsubscribe(@Query() query: TokenQueryDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const { outcome, language } = await this.subscriptions.unsubscribe(query.token);
    this.page(request, reply, outcome, language);
  }

  private page(
    request: FastifyRequest,
    reply: FastifyReply,
    kind: SubscriptionPageKind,
    language: SubscriptionLanguage | null,
    formAction?: string,
  ): void {
    reply.status(STATUS[kind]).header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    if (wantsJson(request.headers.accept)) void reply.send({ status: kind });
    else void reply.type('text/html; charset=utf-8').send(subscriptionPage(kind, language, formAction));
  }
}
