import type { PinoLogger } from 'nestjs-pino';
import { BootQuietLogger, logContextOf } from './boot-quiet.logger';

describe('BootQuietLogger', () => {
  const levels = () => {
    const calls: { level: string; args: unknown[] }[] = [];
    const record = (level: string) => (...args: unknown[]) => calls.push({ level, args });
    const pino = { trace: record('trace'), debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error'), fatal: record('fatal') };
    return { calls, logger: new BootQuietLogger(pino as unknown as PinoLogger, {}) };
  };

  it('logs the route-mapping lines of RouterExplorer and RoutesResolver at debug, other info lines at info', () => {
    const { calls, logger } = levels();
    logger.log('Mapped {/api/health, GET} route', 'RouterExplorer');
    logger.log('HealthController {/api/health}:', 'RoutesResolver');
    logger.log('Nest application successfully started', 'NestApplication');
    logger.log({ msg: 'kuzet listening' });
    expect(calls.map((c) => c.level)).toEqual(['debug', 'debug', 'info', 'info']);
  });

  it('reads the context from the last string argument only', () => {
    expect(logContextOf(['RouterExplorer'])).toBe('RouterExplorer');
    expect(logContextOf([{ a: 1 }])).toBeUndefined();
    expect(logContextOf([])).toBeUndefined();
  });
});
