// The remote probe agent (apps/probe); main.ts is the process entry.
export { startProbeAgent } from './start-probe-agent';
export type { ProbeAgentHandle, StartProbeAgentOptions } from './start-probe-agent';
export { loadProbeConfig } from './probe-config';
export type { ProbeConfig } from './probe-config';
export { ProbeApiClient } from './probe-api-client';
export { ResultPusher } from './result-pusher';
export { AssignmentPoller } from './assignment-poller';
export { ProbeTimers, backoffDelay } from './probe-timers';
export * from './probe.errors';
