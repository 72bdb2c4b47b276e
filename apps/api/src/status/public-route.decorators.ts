import { applyDecorators, Controller, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { PublicCorsInterceptor } from './public-cors.interceptor';
import { PublicRateLimitGuard } from './public-rate-limit.guard';

export const PUBLIC_API_PREFIX = 'public/v1';

/** A controller of the public API: anonymous, rate-limited per client address, readable cross-origin, tagged in OpenAPI. */
export const PublicApiController = () =>
  applyDecorators(
    Controller(PUBLIC_API_PREFIX),
    Public(),
    UseGuards(PublicRateLimitGuard),
    UseInterceptors(PublicCorsInterceptor),
    ApiTags('public'),
    ApiTooManyRequestsResponse({ description: 'Rate limit per client address exceeded; see Retry-After.' }),
  );
