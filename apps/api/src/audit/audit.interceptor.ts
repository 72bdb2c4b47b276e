import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { from, Observable, switchMap } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/authenticated-request';
import { clientAddress } from '../auth/authenticated-request';
import { AuditService } from './audit.service';
import { AUDITED, AuditedMeta } from './audited.decorator';

/** Writes the entry of an @Audited route once its handler succeeded, before the response goes out. */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const meta = this.reflector.get<AuditedMeta | undefined>(AUDITED, context.getHandler());
    if (!meta || context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    return next.handle().pipe(
      switchMap((result: unknown) =>
        from(
          this.audit
            .recordAfter({
              actor: { id: request.user?.id ?? null, email: request.user?.email ?? null, address: clientAddress(request) },
              action: meta.action,
              target: auditTarget(meta, request, result),
              changes: meta.body === false || !isObject(request.body) ? {} : (request.body as Record<string, unknown>),
            })
            .then(() => result),
        ),
      ),
    );
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** 'system:egov-portal' from the route parameters, or from the created item's code or id. */
function auditTarget(meta: AuditedMeta, request: AuthenticatedRequest, result: unknown): string | null {
  if (!meta.target) return null;
  const params = Object.values((request.params ?? {}) as Record<string, string>);
  const created = isObject(result) ? (result.key ?? result.code ?? result.id) : undefined;
  const body = isObject(request.body) ? request.body.code : undefined;
  const name = params.length ? params.join('/') : String(created ?? body ?? '');
  return `${meta.target}:${name}`;
}
