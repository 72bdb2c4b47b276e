/** The detector could not persist a batch of results; its state was left as before the batch. */
export class DetectionPersistError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DetectionPersistError';
  }
}
