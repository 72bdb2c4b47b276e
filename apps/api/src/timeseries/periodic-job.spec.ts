import { SchedulerRegistry } from '@nestjs/schedule';
import { JobRunsService } from './job-runs.service';
import { PeriodicJob } from './periodic-job';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

async function until(what: string, done: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('PeriodicJob run records', () => {
  it('records each run: failures with their error, then the success that clears them', async () => {
    const runs = new JobRunsService();
    let calls = 0;
    const job = new PeriodicJob(
      new SchedulerRegistry(),
      'kuzet-test-job',
      10,
      async () => {
        calls++;
        if (calls <= 2) throw new Error(`run ${calls} failed`);
      },
      quiet,
      runs,
    );
    job.start();
    try {
      expect(runs.list()).toEqual([expect.objectContaining({ name: 'kuzet-test-job', everyMs: 10, failures: 0, lastStartedAt: null })]);
      await until('two failed runs', () => runs.list()[0].failures === 2);
      expect(runs.list()[0]).toMatchObject({ consecutiveFailures: 2, lastError: 'run 2 failed', lastSuccessAt: null });
      await until('a successful run', () => runs.list()[0].lastSuccessAt !== null);
      expect(runs.list()[0]).toMatchObject({ failures: 2, consecutiveFailures: 0 });
    } finally {
      await job.stop();
    }
  });
});
