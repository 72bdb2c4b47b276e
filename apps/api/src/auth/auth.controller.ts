import { Body, Controller, ForbiddenException, Get, HttpCode, Post, Req, Res, UseGuards, UsePipes } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { SessionProbe, SessionView } from '@kuzet/contracts';
import type { FastifyReply } from 'fastify';
import { AppConfig } from '../config/app-config';
import { AnyRole, Public } from './auth.decorators';
import { LoginBodyDto, PasswordChangeBodyDto, SessionProbeDto, SessionViewDto } from './auth.dto';
import { AuthService, LoginRateLimitedError } from './auth.service';
import { AuthValidationPipe } from './auth-validation.pipe';
import { AuthenticatedRequest, clientAddress } from './authenticated-request';
import { SameOriginGuard } from './same-origin.guard';
import { clearedSessionCookie, cookieIsSecure, sessionCookie, sessionTokenOf } from './session-cookie';
import { SessionService } from './session.service';

@ApiTags('auth')
@Controller('auth')
@UsePipes(AuthValidationPipe)
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
    private readonly sessions: SessionService,
  ) {}

  @Post('login')
  @Public()
  @UseGuards(SameOriginGuard)
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in: sets the kuzet_session cookie; the body holds the CSRF token for writes' })
  @ApiOkResponse({ type: SessionViewDto })
  @ApiBadRequestResponse()
  @ApiForbiddenResponse({ description: 'sent from a page of another site (Origin names another host)' })
  @ApiUnsupportedMediaTypeResponse({ description: 'the body is not application/json' })
  @ApiUnauthorizedResponse({ description: 'wrong e-mail or password (one message for both)' })
  @ApiTooManyRequestsResponse({
    description: 'too many failed attempts for this e-mail from this address, or from this address; see Retry-After',
  })
  async login(
    @Body() body: LoginBodyDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionView> {
    const { token, view } = await withRetryAfter(reply, () => this.auth.login(body.email, body.password, clientAddress(request)));
    const secure = cookieIsSecure(this.config.auth.cookieSecure, request);
    reply.header('set-cookie', sessionCookie(token, this.config.auth.sessionTtlMs, secure));
    reply.header('cache-control', 'no-store');
    return view;
  }

  @Post('logout')
  @AnyRole()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: ends this session and clears the cookie' })
  @ApiNoContentResponse()
  async logout(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(sessionTokenOf(request.headers.cookie)!, request.session!, clientAddress(request));
    reply.header('set-cookie', clearedSessionCookie(cookieIsSecure(this.config.auth.cookieSecure, request)));
  }

  @Get('me')
  @ApiOperation({ summary: 'The signed-in user, the CSRF token for writes and the session expiry' })
  @ApiOkResponse({ type: SessionViewDto })
  @ApiUnauthorizedResponse()
  me(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply): SessionView {
    reply.header('cache-control', 'no-store');
    return this.auth.view(request.session!);
  }

  @Get('session')
  @Public()
  @ApiOperation({
    summary: 'Whether this browser is signed in (200 either way): signed_in, and when true the fields of GET /api/auth/me',
  })
  @ApiOkResponse({ type: SessionProbeDto })
  async session(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionProbe> {
    reply.header('cache-control', 'no-store');
    const token = sessionTokenOf(request.headers.cookie);
    const session = await this.sessions.resolve(token);
    if (!session) return { signed_in: false };
    // The expiry slid: the cookie's Max-Age follows it, as on the guarded routes.
    if (session.refreshed) {
      const secure = cookieIsSecure(this.config.auth.cookieSecure, request);
      reply.header('set-cookie', sessionCookie(token!, session.expiresAt.getTime() - Date.now(), secure));
    }
    return { signed_in: true, ...this.auth.view(session) };
  }

  @Post('password')
  @AnyRole()
  @HttpCode(204)
  @ApiOperation({ summary: 'Change one\'s own password; other sessions of the user end' })
  @ApiNoContentResponse()
  @ApiBadRequestResponse()
  @ApiForbiddenResponse({ description: 'the current password is wrong' })
  @ApiTooManyRequestsResponse({ description: 'too many wrong current passwords in a row; see Retry-After' })
  async changePassword(
    @Body() body: PasswordChangeBodyDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const changed = await withRetryAfter(reply, () =>
      this.auth.changePassword(request.session!, body.current_password, body.new_password, clientAddress(request)),
    );
    if (!changed) throw new ForbiddenException('the current password is wrong');
  }
}

/** A 429 carries Retry-After (the seconds the limiter said). */
async function withRetryAfter<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof LoginRateLimitedError) reply.header('retry-after', String(error.retryAfterS));
    throw error;
  }
}
