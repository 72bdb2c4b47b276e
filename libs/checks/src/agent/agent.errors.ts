/** Errors of the probe agent runtime. */
export class ProbeAgentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProbeAgentError';
  }
}

/** An assignment the runtime cannot use (bad probe_allow CIDR, unusable target). */
export class InvalidAssignmentError extends ProbeAgentError {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAssignmentError';
  }
}
