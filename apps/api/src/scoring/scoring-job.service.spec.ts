import { Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { loadAppConfig } from '../config/app-config';
import type { ScoringService } from './scoring.service';
import { ScoringJobService } from './scoring-job.service';

describe('ScoringJobService', () => {
  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function start(env: Record<string, string>) {
    let release: () => void = () => undefined;
    const runs: string[] = [];
    const scoring = {
      runOnce: jest.fn(async (_signal?: AbortSignal) => {
        runs.push('start');
        await new Promise<void>((r) => (release = r));
        runs.push('end');
      }),
    };
    const scheduler = new SchedulerRegistry();
    const job = new ScoringJobService(loadAppConfig({ KUZET_DEMO: 'false', ...env }), scoring as unknown as ScoringService, scheduler);
    job.onApplicationBootstrap();
    return { job, scoring, runs, scheduler, release: () => release() };
  }

  it('runs once KUZET_SCORING_FIRST_RUN_S after boot, then every KUZET_SCORING_INTERVAL_S', async () => {
    const { job, scoring, release } = start({ KUZET_SCORING_FIRST_RUN_S: '20', KUZET_SCORING_INTERVAL_S: '300' });
    await jest.advanceTimersByTimeAsync(19_999);
    expect(scoring.runOnce).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    expect(scoring.runOnce).toHaveBeenCalledTimes(1);
    release();
    await jest.advanceTimersByTimeAsync(300_000 - 20_000);
    expect(scoring.runOnce).toHaveBeenCalledTimes(2);
    release();
    await jest.advanceTimersByTimeAsync(0);
    await job.beforeApplicationShutdown();
  });

  it('never runs two at once: an interval tick during the first run waits for it', async () => {
    const { job, scoring, runs, release } = start({ KUZET_SCORING_FIRST_RUN_S: '15', KUZET_SCORING_INTERVAL_S: '10' });
    await jest.advanceTimersByTimeAsync(10_000); // the interval's first tick
    await jest.advanceTimersByTimeAsync(5_000); // the first run, while the tick's run is still going
    expect(scoring.runOnce).toHaveBeenCalledTimes(1);
    release();
    await jest.advanceTimersByTimeAsync(0);
    expect(scoring.runOnce).toHaveBeenCalledTimes(2);
    release();
    await jest.advanceTimersByTimeAsync(0);
    expect(runs).toEqual(['start', 'end', 'start', 'end']);
    await job.beforeApplicationShutdown();
  });

  it('aborts a run in progress at shutdown instead of waiting for every system', async () => {
    const { job, scoring } = start({ KUZET_SCORING_FIRST_RUN_S: '20', KUZET_SCORING_INTERVAL_S: '300' });
    let seen: AbortSignal | undefined;
    scoring.runOnce.mockImplementationOnce(async (signal?: AbortSignal) => {
      seen = signal;
      await new Promise<void>((_resolve, reject) => signal!.addEventListener('abort', () => reject(signal!.reason)));
    });
    await jest.advanceTimersByTimeAsync(20_000);
    expect(seen?.aborted).toBe(false);
    await job.beforeApplicationShutdown(); // resolves: the run ended on the abort, and no error escapes
    expect(seen?.aborted).toBe(true);
  });

  it('stops its timers at shutdown', async () => {
    const { job, scoring, scheduler } = start({ KUZET_SCORING_FIRST_RUN_S: '20', KUZET_SCORING_INTERVAL_S: '300' });
    await job.beforeApplicationShutdown();
    expect(scheduler.getIntervals()).toEqual([]);
    expect(scheduler.getTimeouts()).toEqual([]);
    await jest.advanceTimersByTimeAsync(600_000);
    expect(scoring.runOnce).not.toHaveBeenCalled();
  });
});
