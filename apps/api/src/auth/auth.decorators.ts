import { applyDecorators, createParamDecorator, CustomDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Role, SessionUser } from '@kuzet/contracts';
import { ROLES } from '@kuzet/contracts';
import type { AuthenticatedRequest } from './authenticated-request';

export const IS_PUBLIC = 'kuzet:public';
/** Marks public operations in the OpenAPI document (setupOpenApi drops their cookie requirement). */
export const OPENAPI_PUBLIC_EXTENSION = 'x-kuzet-public';
export const ROLES_KEY = 'kuzet:roles';

/** No session needed (health, sign-in, the Prometheus scrape, probe and push tokens). */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(OPENAPI_PUBLIC_EXTENSION, true));

/**
 * The roles allowed. Without it a read (GET/HEAD) is open to every signed-in role and a write
 * to admins only, so a route added without thought is never writable by viewers.
 */
export const Roles = (...roles: Role[]): CustomDecorator => SetMetadata(ROLES_KEY, roles);

/** Every signed-in role (e.g. sign-out, one's own password). */
export const AnyRole = (): CustomDecorator => Roles(...ROLES);

/** The signed-in user of the request (the guard put it there). */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): SessionUser => {
  return context.switchToHttp().getRequest<AuthenticatedRequest>().user!;
});
