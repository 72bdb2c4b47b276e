import * as path from 'node:path';
import { CliUsageError, parseCliArgs, USAGE } from './cli/cli-args';
import { createSimulatorLogger } from './logging/simulator-logger';
import { startSimulator } from './simulator';

/**
 * CLI: starts the fleet, prints exactly one JSON line on stdout when ready (the API's demo
 * module waits for it), logs to stderr, and stops cleanly on SIGINT / SIGTERM.
 */
async function main(): Promise<void> {
  let cli;
  try {
    cli = parseCliArgs(process.argv.slice(2), process.env);
  } catch (err) {
    if (!(err instanceof CliUsageError)) throw err;
    process.stderr.write(`${err.message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (cli.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const logger = createSimulatorLogger(cli.logLevel);
  const catalogDir = cli.catalogOut ? path.resolve(cli.catalogOut) : undefined;
  const simulator = await startSimulator({
    fleetFile: cli.fleet,
    controlPort: cli.controlPort,
    basePort: cli.basePort,
    catalogDir,
    intervalS: cli.intervalS,
    dayInTheLife: cli.dayInTheLife,
    dayInTheLifeSpeed: cli.dayInTheLifeSpeed,
    seed: cli.seed,
    systems: cli.systems,
    logger,
  });

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second signal means "now": do not wait for connections to drain.
      process.exit(1);
    }
    stopping = true;
    logger.info({ event: 'simulator.signal', signal }, 'stopping');
    simulator.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ event: 'simulator.stop_failed', err }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  // Started by the API with an IPC channel: when the parent dies, however it dies, stop too
  // instead of living on as an orphan holding ports.
  if (process.send) process.on('disconnect', () => shutdown('SIGTERM'));

  const ready = {
    event: 'simulator.ready',
    control_url: simulator.controlUrl,
    catalog_dir: catalogDir ?? null,
    systems: simulator.systems.length,
    dns_port: simulator.dnsPort,
  };
  process.stdout.write(`${JSON.stringify(ready)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(
    `${JSON.stringify({ event: 'simulator.failed', error: err instanceof Error ? err.message : String(err) })}\n`,
  );
  process.exit(1);
});
