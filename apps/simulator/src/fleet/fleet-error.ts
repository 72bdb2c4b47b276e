/** A fleet file that cannot be used; the message names the file and the field path. */
export class FleetError extends Error {
  constructor(
    readonly source: string,
    readonly field: string,
    detail: string,
  ) {
    super(`${source}: ${field ? `${field}: ` : ''}${detail}`);
    this.name = 'FleetError';
  }
}
