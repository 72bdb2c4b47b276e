/** Errors of the probing module. */
export class ProbingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProbingError';
  }
}

export class InvalidProbeTokenError extends ProbingError {
  constructor() {
    super('missing, unknown or revoked probe token');
    this.name = 'InvalidProbeTokenError';
  }
}

export class ResultRegionMismatchError extends ProbingError {
  constructor(readonly index: number, readonly region: string, readonly tokenRegion: string) {
    super(`results.${index}.region: "${region}" is not this token's region "${tokenRegion}"`);
    this.name = 'ResultRegionMismatchError';
  }
}

export class UnknownPushTokenError extends ProbingError {
  constructor() {
    super('no heartbeat check has this push token');
    this.name = 'UnknownPushTokenError';
  }
}

/** The assigned checks could not be loaded yet (database away at the first load): results cannot be judged. */
export class AssignmentsNotLoadedError extends ProbingError {
  constructor() {
    super('the assigned checks are not loaded yet; retry later');
    this.name = 'AssignmentsNotLoadedError';
  }
}
