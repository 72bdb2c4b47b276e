import pino from 'pino';
import { loadProbeConfig } from './probe-config';
import { InvalidProbeConfigError } from './probe.errors';
import { startProbeAgent } from './start-probe-agent';

/** The remote probe agent: `node dist/apps/probe/src/main.js`, configured by environment. */
function main(): void {
  let config;
  try {
    config = loadProbeConfig(process.env);
  } catch (error) {
    if (error instanceof InvalidProbeConfigError) {
      process.stderr.write(`kuzet-probe: invalid configuration: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = pino({ level: config.logLevel, base: { app: 'kuzet-probe', agent: config.agentId, region: config.region } });
  const agent = startProbeAgent({ ...config, logger });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ event: 'probe.signal', signal }, 'stopping');
    agent.stop().then(
      () => process.exit(0),
      (error) => {
        logger.error({ event: 'probe.stop_failed', err: String(error) }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main();
