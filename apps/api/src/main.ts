import 'reflect-metadata';
import { loadAppConfig } from './config/app-config';
import { InvalidConfigError } from './config/config.errors';
import { startApi } from './bootstrap';

// Configuration is validated once, here; a bad value stops the start naming the variable.
async function main(): Promise<void> {
  let config;
  try {
    config = loadAppConfig(process.env);
  } catch (error) {
    if (error instanceof InvalidConfigError) {
      for (const p of error.problems) process.stderr.write(`kuzet: invalid ${p.variable}: ${p.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  await startApi(config);
}

main().catch((error: unknown) => {
  process.stderr.write(`${JSON.stringify({ level: 60, msg: 'kuzet failed to start', err: String((error as Error)?.stack ?? error) })}\n`);
  process.exit(1);
});
