import { Logger } from '@nestjs/common';
import type { AgentLogger } from '@kuzet/checks';

/** The agent runtime's logger on Nest's (pino-backed) Logger: one line an event. */
export function nestAgentLogger(context: string): AgentLogger {
  const logger = new Logger(context);
  return {
    info: (obj, msg) => logger.log({ ...obj, msg }),
    warn: (obj, msg) => logger.warn({ ...obj, msg }),
    error: (obj, msg) => logger.error({ ...obj, msg }),
  };
}
