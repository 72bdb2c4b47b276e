import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Observable } from 'rxjs';

/**
 * Any site may read the public API from a browser (widgets, open-data tools) and embed its badges:
 * it is anonymous and sends no cookie-bound data, so `*` without credentials is safe. The
 * resource policy overrides helmet's same-origin one, which would block a badge in another
 * site's <img>.
 */
@Injectable()
export class PublicCorsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    void context
      .switchToHttp()
      .getResponse<FastifyReply>()
      .header('Access-Control-Allow-Origin', '*')
      .header('Cross-Origin-Resource-Policy', 'cross-origin');
    return next.handle();
  }
}
