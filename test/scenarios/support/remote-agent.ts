import type { ResultBatch } from '@kuzet/contracts';
import pino from 'pino';
import { AgentLogger, ProbeAgentRuntime } from '@kuzet/checks';
import { CheckRunnerRegistry } from '../../../libs/checks/src/runners/check-runner-registry';
import type { CheckRunner } from '../../../libs/checks/src/runners/check-runner';
import type { CheckRunResult, CheckSpec } from '../../../libs/checks/src/check-run-result';
import { DiskSpool } from '@kuzet/spool';
import { AssignmentPoller } from '../../../apps/probe/src/assignment-poller';
import { ProbeApiClient } from '../../../apps/probe/src/probe-api-client';
import { ResultPusher } from '../../../apps/probe/src/result-pusher';

/**
 * A remote probe agent in the test process, wired like apps/probe/src/start-probe-agent.ts (same
 * poller, pusher, spool, runtime) with two test hooks startProbeAgent does not offer:
 *   cutOff  every connection the region's runners make is refused by the network guard, as a
 *           region with no route to the targets sees it (the real runners still run).
 *   results every run's result, with its check kind, is recorded (to prove what the region saw).
 */
export interface RemoteAgentOptions {
  apiUrl: string;
  token: string;
  region: string;
  agentId: string;
  spoolDir: string;
  cutOff?: boolean;
}

export interface RemoteAgentHandle {
  results: Array<{ kind: string; result: CheckRunResult }>;
  stop(): Promise<void>;
}

export function startRemoteAgent(options: RemoteAgentOptions): RemoteAgentHandle {
  const logger = pino({ level: process.env.SCENARIO_LOG === 'debug' ? 'info' : 'silent', base: { agent: options.agentId } });
  const log: AgentLogger = {
    info: (o, m) => logger.info(o, m),
    warn: (o, m) => logger.warn(o, m),
    error: (o, m) => logger.error(o, m),
  };
  const results: RemoteAgentHandle['results'] = [];
  const registry = new CheckRunnerRegistry();
  const refuseAll = (address: string) => {
    throw new Error(`region ${options.region} cut off: no route to ${address}`);
  };
  const runners = {
    runnerFor(kind: string): CheckRunner | undefined {
      const real = registry.runnerFor(kind);
      if (!real) return undefined;
      return {
        check: async (spec: CheckSpec, signal?: AbortSignal) => {
          const result = await real.check(options.cutOff ? { ...spec, networkGuard: refuseAll } : spec, signal);
          results.push({ kind, result });
          return result;
        },
      };
    },
  };
  const client = new ProbeApiClient({ apiUrl: options.apiUrl, token: options.token });
  const spool = new DiskSpool<ResultBatch>(options.spoolDir, {
    logger: { log: () => undefined, warn: (m) => logger.warn(m) },
  });
  const pusher = new ResultPusher({
    agentId: options.agentId,
    client,
    spool,
    logger,
    backoffInitialMs: 200,
    backoffMaxMs: 1_000,
  });
  const runtime = new ProbeAgentRuntime({
    agentId: options.agentId,
    sink: pusher,
    logger: log,
    runners,
    minIntervalMs: 1_000,
    flushIntervalMs: 250,
  });
  const poller = new AssignmentPoller({
    agentId: options.agentId,
    client,
    logger,
    backoffInitialMs: 200,
    backoffMaxMs: 1_000,
    onAssignment: (assignment) => runtime.setAssignment(assignment),
  });
  pusher.start();
  runtime.start();
  poller.start();
  let stopped: Promise<void> | undefined;
  return {
    results,
    stop: () =>
      (stopped ??= (async () => {
        await poller.stop();
        await runtime.stop();
        await pusher.stop();
      })()),
  };
}
