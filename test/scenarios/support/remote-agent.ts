import pino from 'pino';
import { CheckRunner, CheckRunnerRegistry, CheckRunResult, CheckSpec } from '@kuzet/checks';
import { startProbeAgent } from '../../../apps/probe/src/start-probe-agent';

/**
 * A remote probe agent in the test process (apps/probe's startProbeAgent), with its runners
 * wrapped for two test hooks:
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
  const { cutOff: _cutOff, ...connection } = options;
  const agent = startProbeAgent({
    ...connection,
    logger: pino({ level: process.env.SCENARIO_LOG === 'debug' ? 'info' : 'silent', base: { agent: options.agentId } }),
    runners,
    minIntervalMs: 1_000,
    flushIntervalMs: 250,
    backoffInitialMs: 200,
    backoffMaxMs: 1_000,
  });
  return { results, stop: () => agent.stop() };
}
