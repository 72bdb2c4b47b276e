import type { ResultBatch } from '@kuzet/contracts';
import pino, { Logger } from 'pino';
import { AgentLogger, AgentRunners, ProbeAgentRuntime } from '@kuzet/checks';
import { DiskSpool } from '@kuzet/spool';
import { AssignmentPoller } from './assignment-poller';
import { ProbeApiClient } from './probe-api-client';
import type { ProbeConfig } from './probe-config';
import { ResultPusher } from './result-pusher';

export interface StartProbeAgentOptions
  extends Pick<ProbeConfig, 'apiUrl' | 'token' | 'region' | 'agentId' | 'spoolDir'>,
    Partial<Pick<ProbeConfig, 'recheckDelayMs'>> {
  logger?: Logger;
  /** Lowest interval the scheduler accepts (default 1 s: the API already enforces its minimum). */
  minIntervalMs?: number;
  flushIntervalMs?: number;
  backoffInitialMs?: number;
  backoffMaxMs?: number;
  fetch?: typeof fetch;
  /** Runners by check kind (default: the real ones); tests wrap them to observe or cut a region off. */
  runners?: AgentRunners;
}

export interface ProbeAgentHandle {
  runtime: ProbeAgentRuntime;
  pusher: ResultPusher;
  /** Flushes results, sends or spools them, closes the spool. */
  stop(): Promise<void>;
}

function agentLogger(logger: Logger): AgentLogger {
  return {
    info: (obj, msg) => logger.info(obj, msg),
    warn: (obj, msg) => logger.warn(obj, msg),
    error: (obj, msg) => logger.error(obj, msg),
  };
}

/** Starts a remote probe agent: assignment long-poll, the runtime, the pusher with its spool. */
export function startProbeAgent(options: StartProbeAgentOptions): ProbeAgentHandle {
  const logger = options.logger ?? pino({ level: 'info', base: { app: 'kuzet-probe', agent: options.agentId } });
  const client = new ProbeApiClient({ apiUrl: options.apiUrl, token: options.token, fetch: options.fetch });
  const spool = new DiskSpool<ResultBatch>(options.spoolDir, {
    logger: { log: (m) => logger.info({ event: 'probe.spool' }, m), warn: (m) => logger.warn({ event: 'probe.spool' }, m) },
  });
  const pusher = new ResultPusher({
    agentId: options.agentId,
    client,
    spool,
    logger,
    backoffInitialMs: options.backoffInitialMs,
    backoffMaxMs: options.backoffMaxMs,
  });
  const runtime = new ProbeAgentRuntime({
    agentId: options.agentId,
    sink: pusher,
    logger: agentLogger(logger),
    runners: options.runners,
    minIntervalMs: options.minIntervalMs ?? 1000,
    flushIntervalMs: options.flushIntervalMs,
    recheck: { delayMs: options.recheckDelayMs },
  });
  const poller = new AssignmentPoller({
    agentId: options.agentId,
    client,
    logger,
    backoffInitialMs: options.backoffInitialMs,
    backoffMaxMs: options.backoffMaxMs,
    onAssignment: (assignment) => {
      if (assignment.region !== options.region) {
        logger.warn(
          { event: 'probe.region_mismatch', configured: options.region, token_region: assignment.region },
          'the token belongs to another region than KUZET_PROBE_REGION; the token wins',
        );
      }
      try {
        runtime.setAssignment(assignment);
      } catch (error) {
        logger.error({ event: 'probe.assignment_refused', err: String(error) }, 'assignment refused');
      }
    },
  });
  pusher.start();
  runtime.start();
  poller.start();
  logger.info({ event: 'probe.started', region: options.region, api: options.apiUrl, spooled: spool.size().items }, 'probe agent started');
  let stopped: Promise<void> | undefined;
  return {
    runtime,
    pusher,
    stop: () =>
      (stopped ??= (async () => {
        await poller.stop();
        await runtime.stop();
        await pusher.stop();
        logger.info({ event: 'probe.stopped' }, 'probe agent stopped');
      })()),
  };
}
