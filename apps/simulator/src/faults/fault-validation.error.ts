/** A fault body that cannot be applied; `field` is the JSON path the control API reports. */
export class FaultValidationError extends Error {
  constructor(
    readonly field: string,
    readonly detail: string,
  ) {
    super(`${field}: ${detail}`);
    this.name = 'FaultValidationError';
  }
}
