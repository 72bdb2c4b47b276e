// A notifier process for the crash test: incidents + notifier over the given database, with its
// loop running on real time and the loopback webhook sender. Prints "ready" once started.
import { NotifierHarness, TEST_NOTIFY_OPTIONS, WallClock } from './notifier-test-app';

async function main(): Promise<void> {
  const [databaseUrl, leaseMs] = process.argv.slice(2);
  await NotifierHarness.create(databaseUrl, new WallClock(), {
    ...TEST_NOTIFY_OPTIONS,
    tickMs: 100,
    leaseMs: Number(leaseMs),
  });
  process.stdout.write('ready\n');
}

void main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
