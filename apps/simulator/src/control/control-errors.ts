/** An HTTP error the control API answers with a JSON body; `field` names bad input. */
export class ControlHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ControlHttpError';
  }
}

export class UnknownSystemError extends Error {
  constructor(readonly code: string) {
    super(`unknown system "${code}"`);
    this.name = 'UnknownSystemError';
  }
}
