/** Errors of the remote probe agent. */
export class ProbeAgentAppError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ProbeAgentAppError';
  }
}

/** A bad environment value; the message names the variable. */
export class InvalidProbeConfigError extends ProbeAgentAppError {
  constructor(readonly problems: Array<{ variable: string; message: string }>) {
    super(problems.map((p) => `${p.variable}: ${p.message}`).join('; '));
    this.name = 'InvalidProbeConfigError';
  }
}

/** The API answered in a way retrying will not fix (401, 400, ...). */
export class ApiRejectedError extends ProbeAgentAppError {
  constructor(readonly status: number, body: string) {
    super(`API refused the request: HTTP ${status} ${body.slice(0, 300)}`);
    this.name = 'ApiRejectedError';
  }
}

/** The API could not be reached, or answered 5xx / 429: worth retrying. */
export class ApiUnavailableError extends ProbeAgentAppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ApiUnavailableError';
  }
}
