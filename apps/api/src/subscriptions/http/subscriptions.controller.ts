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
import { subscriptionPage, wantsJson, type SubscriptionPageExtras, type SubscriptionPageKind } from './subscription-page';
import { zodIssuesToFieldProblems } from '@kuzet/contracts';
import { SubscriptionRateLimitedError, SubscriptionScopeNotFoundError } from '../subscriptions.errors';
import { formScope, SignUpAnswerDto, SubscribeBodyDto, subscribeFormSchema, TokenQueryDto } from './subscriptions.dto';
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
  sent: 202,
  invalid: 400,
  limited: 429,
  not_public: 404,
};

const isLanguage = (value: unknown): value is SubscriptionLanguage => value === 'kk' || value === 'ru' || value === 'en';

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

  @Post('form')
  @ApiOperation({
    summary: 'The public page\'s e-mail sign-up form (application/x-www-form-urlencoded: email, scope, language); answers an HTML page',
  })
  @ApiAcceptedResponse({ description: 'HTML: the confirmation link was sent (the same page whether or not the address was subscribed already)' })
  async subscribeByForm(@Body() body: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const fields = (body ?? {}) as Record<string, unknown>;
    const language = isLanguage(fields.language) ? fields.language : null;
    const scope = typeof fields.scope === 'string' ? fields.scope : '';
    const [kind, code] = scope.split(':');
    const back = `/${language ?? 'kk'}/status/subscribe${kind === 'system' || kind === 'agency' ? `?${kind}=${encodeURIComponent(code ?? '')}` : ''}`;
    const parsed = subscribeFormSchema.safeParse(fields);
    if (!parsed.success) return this.formPage(reply, 'invalid', language, { problems: zodIssuesToFieldProblems(parsed.error.issues), backHref: back });
    const form = parsed.data;
    try {
      await this.subscriptions.subscribe(
        { channel: 'email', address: form.email, scope: formScope(form.scope), language: form.language },
        clientAddress(request),
      );
    } catch (error) {
      if (error instanceof SubscriptionRateLimitedError) {
        reply.header('retry-after', String(error.retryAfterS));
        return this.formPage(reply, 'limited', form.language, { backHref: back });
      }
      if (error instanceof SubscriptionScopeNotFoundError) return this.formPage(reply, 'not_public', form.language, { backHref: back });
      throw error;
    }
    this.formPage(reply, 'sent', form.language, { backHref: back });
  }

  @Get('confirm')
  @ApiOperation({ summary: 'Confirm a subscription (the link in the confirmation e-mail or webhook event); idempotent' })
  @ApiOkResponse({ description: 'A small trilingual HTML page, or { status } when JSON is asked for' })
  async confirm(@Query() query: TokenQueryDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const { outcome, language } = await this.subscriptions.confirm(query.token);
    this.page(request, reply, outcome, language);
  }

  @Post('confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm a subscription by POST (what a webhook receiver does with `confirm_url`); idempotent, any body ignored' })
  @ApiOkResponse({ description: '{ status } as JSON, or the HTML page when HTML is asked for' })
  async confirmByPost(@Query() query: TokenQueryDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const { outcome, language } = await this.subscriptions.confirm(query.token);
    // A machine POSTs without an Accept header: it gets JSON unless it asks for HTML.
    const html = (request.headers.accept ?? '').toLowerCase().includes('text/html');
    this.page(request, reply, outcome, language, undefined, !html);
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
    json = wantsJson(request.headers.accept),
  ): void {
    reply.status(STATUS[kind]).header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    if (json) void reply.send({ status: kind });
    else void reply.type('text/html; charset=utf-8').send(subscriptionPage(kind, language, { formAction }));
  }

  private formPage(reply: FastifyReply, kind: SubscriptionPageKind, language: SubscriptionLanguage | null, extras: SubscriptionPageExtras): void {
    reply.status(STATUS[kind]).header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    void reply.type('text/html; charset=utf-8').send(subscriptionPage(kind, language, extras));
  }
}
