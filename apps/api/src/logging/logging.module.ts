import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { FAST_STATUS_PATH } from '../status/public-status-fast-path';
import { PUBLIC_PAGE_NEST_PATHS } from '../web/public-page-paths';
import { BootQuietLogger } from './boot-quiet.logger';
import { redactText } from './log-redaction';
import { serializeError, serializeRequest, serializeResponse } from './log-serializers';

/** The public status JSON and pages (apps/api/src/web/fast-paths.ts), by Nest's route syntax. */
const FAST_PATH_ROUTES = [FAST_STATUS_PATH.replace(/^\/api\//, ''), ...PUBLIC_PAGE_NEST_PATHS].map((path) => ({ path, method: RequestMethod.GET }));

/** Paths whose every request would drown the log: scraped or polled by machines. */
const QUIET_PATHS = new Set(['/api/health', '/api/health/live', '/api/health/ready', '/metrics']);

function requestPath(req: { url?: string; originalUrl?: string }): string {
  return (req.originalUrl ?? req.url ?? '').split('?')[0];
}

/**
 * pino, one JSON line an event; HTTP requests logged on completion, except health and metrics.
 * See log-redaction.ts for what is kept out of the log.
 */
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          // Named wildcard: the path syntax of Nest 11's router (a bare '*' logs a warning).
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          // Answered on the fast path (web/fast-paths.ts), which counts them instead: a surge of
          // citizens must not cost a log line, or a child logger, per request.
          exclude: FAST_PATH_ROUTES,
          pinoHttp: {
            level: config.logLevel,
            base: { app: 'kuzet' },
            // Fastify's middleware layer may rewrite req.url relative to the mount; originalUrl is the request's.
            autoLogging: { ignore: (req) => QUIET_PATHS.has(requestPath(req)) },
            // Credentials never reach the log: headers, URLs (push tokens, token query parameters)
            // and error texts are redacted by the serializers; message strings by the hook.
            serializers: { req: serializeRequest, res: serializeResponse, err: serializeError },
            hooks: {
              logMethod(args, method) {
                method.apply(this, args.map((a) => (typeof a === 'string' ? redactText(a) : a)) as typeof args);
              },
            },
          },
        }),
      ],
      providers: [BootQuietLogger],
      exports: [BootQuietLogger],
    };
  }
}
