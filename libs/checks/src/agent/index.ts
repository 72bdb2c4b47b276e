// The probe agent runtime, shared by the embedded agent (apps/api) and remote agents (apps/probe).
export { ProbeAgentRuntime } from './probe-agent-runtime';
export type {
  AgentRunners,
  AgentScheduler,
  AgentSchedulerFactory,
  ProbeAgentRuntimeOptions,
  ProbeAgentState,
} from './probe-agent-runtime';
export type { ResultSink } from './result-sink';
export type { AgentLogger } from './agent-logger';
export { silentAgentLogger } from './agent-logger';
export { ProbeAgentError, InvalidAssignmentError } from './agent.errors';
export { toResultRecord } from './result-record.mapper';
export type { ResultContext } from './result-record.mapper';
export { assignedCheckProblem } from './assigned-check-bounds';
export { toScheduledCheck, toCheckSpec, hostOfCheck, isAgentRunnable, AGENT_KINDS } from './assigned-check-spec';
export { CanaryMonitor, canarySpec } from './canary-monitor';
export { ResultBatcher } from './result-batcher';
export { SkipReport, emptySkipCounts, DEFAULT_SKIP_REPORT_INTERVAL_MS, SKIP_REPORT_TOP_CHECKS } from './skip-report';
export type { SkipCounts, SkipReportLine, SkipReportOptions } from './skip-report';
export { RecheckPolicy, DEFAULT_RECHECK_DELAY_MS } from './recheck-policy';
export type { RecheckPolicyOptions } from './recheck-policy';
