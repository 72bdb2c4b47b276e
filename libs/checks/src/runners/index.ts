// Network check runners: one class per kind, each with `check(spec, signal?)`.
export type { CheckRunner } from './check-runner';
export { CheckRunnerRegistry } from './check-runner-registry';
export { HttpCheckRunner, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_REDIRECTS } from './http-check.runner';
export { TcpCheckRunner } from './tcp-check.runner';
export { DnsCheckRunner } from './dns-check.runner';
export { TlsCheckRunner, DEFAULT_WARN_DAYS, TLS_VERSIONS } from './tls-check.runner';
export { classifyOutcome } from './outcome-classifier';
export type { OutcomeInput, OutcomeVerdict } from './outcome-classifier';
export { classifyTransportError } from './transport-error-classifier';
export { CheckFailure, DeadlineFailure, RunAborted, STARVED_LATE_MS, starvedBy } from './check-failure';
export { toNetworkGuard } from './network-guard';
export { pickHeaders, flattenHeaders } from './header-picker';
export { parseExpectedStatus, statusExpected, DEFAULT_EXPECTED_STATUS } from './expected-status';
export { DEADLINE_SLACK_MS } from './run-deadline';
