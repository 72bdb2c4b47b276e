import { ExecutionContext, ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Role, SESSION_COOKIE } from '@kuzet/contracts';
import type { AppConfig } from '../config/app-config';
import { IS_PUBLIC, ROLES_KEY } from './auth.decorators';
import { SessionGuard } from './session.guard';
import type { ActiveSession, SessionService } from './session.service';

const session = (role: Role, refreshed = false): ActiveSession => ({
  id: 7,
  user: { id: 1, email: 'u@kz', name: 'U', role, agency: role === 'agency_operator' ? 'nit' : null },
  csrfToken: 'csrf-token',
  expiresAt: new Date(Date.now() + 3600_000),
  refreshed,
});

function context(request: Record<string, unknown>, meta: { public?: boolean; roles?: Role[] } = {}) {
  const handler = () => undefined;
  if (meta.public) Reflect.defineMetadata(IS_PUBLIC, true, handler);
  if (meta.roles) Reflect.defineMetadata(ROLES_KEY, meta.roles, handler);
  const reply = { header: jest.fn() };
  const ctx = {
    getType: () => 'http',
    getHandler: () => handler,
    getClass: () => class Controller {},
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }),
  } as unknown as ExecutionContext;
  return { ctx, reply };
}

describe('SessionGuard', () => {
  const resolve = jest.fn<Promise<ActiveSession | null>, [string | undefined]>();
  const guard = new SessionGuard(
    new Reflector(),
    { resolve } as unknown as SessionService,
    { auth: { cookieSecure: 'auto' } } as AppConfig,
  );
  const cookie = `${SESSION_COOKIE}=tok`;

  beforeEach(() => resolve.mockReset());

  it('passes public routes without looking for a session', async () => {
    const { ctx } = context({ method: 'POST', headers: {} }, { public: true });
    await expect(guard.canActivate(ctx)).resolves.toBe(true);
    expect(resolve).not.toHaveBeenCalled();
  });

  it('401 without a live session', async () => {
    resolve.mockResolvedValue(null);
    const { ctx } = context({ method: 'GET', headers: { cookie } });
    await expect(guard.canActivate(ctx)).rejects.toBeInstanceOf(UnauthorizedException);
    expect(resolve).toHaveBeenCalledWith('tok');
  });

  it('puts the user on the request for reads', async () => {
    resolve.mockResolvedValue(session('viewer'));
    const request: Record<string, unknown> = { method: 'GET', headers: { cookie } };
    await expect(guard.canActivate(context(request).ctx)).resolves.toBe(true);
    expect(request.user).toMatchObject({ role: 'viewer' });
  });

  it('403 naming the header when a write lacks the right CSRF token', async () => {
    resolve.mockResolvedValue(session('admin'));
    for (const headers of [{ cookie }, { cookie, 'x-csrf-token': 'wrong' }]) {
      const error = await guard.canActivate(context({ method: 'POST', headers }).ctx).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ForbiddenException);
      expect((error as Error).message).toContain('x-csrf-token');
    }
    await expect(guard.canActivate(context({ method: 'POST', headers: { cookie, 'x-csrf-token': 'csrf-token' } }).ctx)).resolves.toBe(true);
  });

  it('403 for a role the route does not allow', async () => {
    resolve.mockResolvedValue(session('viewer'));
    const { ctx } = context({ method: 'GET', headers: { cookie } }, { roles: ['admin'] });
    await expect(guard.canActivate(ctx)).rejects.toBeInstanceOf(ForbiddenException);
  });

  it('re-sends the cookie when the expiry slid', async () => {
    resolve.mockResolvedValue(session('viewer', true));
    const { ctx, reply } = context({ method: 'GET', headers: { cookie }, protocol: 'https' });
    await guard.canActivate(ctx);
    expect(reply.header).toHaveBeenCalledWith('set-cookie', expect.stringMatching(/^kuzet_session=tok;.*HttpOnly.*Secure.*SameSite=Lax/));
  });
});
