import { Inject, Injectable } from '@nestjs/common';
import { Logger, Params, PARAMS_PROVIDER_TOKEN, PinoLogger } from 'nestjs-pino';

/** Nest's contexts that print one "Mapped {…}" / "… {/api/…}" line per route and controller at start. */
export const ROUTE_MAPPING_CONTEXTS: ReadonlySet<string> = new Set(['RouterExplorer', 'RoutesResolver']);

/** The context Nest passes as the last argument of `log` (a string), if any. */
export function logContextOf(optionalParams: readonly unknown[]): string | undefined {
  const last = optionalParams.at(-1);
  return typeof last === 'string' ? last : undefined;
}

/**
 * The application logger (nestjs-pino's), with the route-mapping lines of a start (about 150)
 * at debug instead of info: they say nothing an operator acts on, and drown the boot log.
 */
@Injectable()
export class BootQuietLogger extends Logger {
  constructor(logger: PinoLogger, @Inject(PARAMS_PROVIDER_TOKEN) params: Params) {
    super(logger, params);
  }

  override log(message: unknown, ...optionalParams: unknown[]): void {
    const context = logContextOf(optionalParams);
    if (context !== undefined && ROUTE_MAPPING_CONTEXTS.has(context)) this.debug(message, ...optionalParams);
    else super.log(message, ...optionalParams);
  }
}
