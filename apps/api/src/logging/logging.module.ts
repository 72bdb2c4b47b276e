import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';

/** Paths whose every request would drown the log: scraped or polled by machines. */
const QUIET_PATHS = new Set(['/api/health', '/metrics']);

function requestPath(req: { url?: string; originalUrl?: string }): string {
  return (req.originalUrl ?? req.url ?? '').split('?')[0];
}

/** pino, one JSON line an event; HTTP requests logged on completion, except health and metrics. */
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          // Named wildcard: the path syntax of Nest 11's router (a bare '*' logs a warning).
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: config.logLevel,
            base: { app: 'kuzet' },
            // Fastify's middleware layer may rewrite req.url relative to the mount; originalUrl is the request's.
            autoLogging: { ignore: (req) => QUIET_PATHS.has(requestPath(req)) },
            redact: ['req.headers.cookie', 'req.headers.authorization'],
          },
        }),
      ],
    };
  }
}
