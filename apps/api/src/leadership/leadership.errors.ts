/** Errors of leader election and fencing. */
export class LeadershipError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'LeadershipError';
  }
}

/**
 * A leader-only write was refused: this node does not lead, or leads under a term that is no
 * longer the current one (it was deposed and another node took over). The transaction rolls back.
 */
export class FencedOutError extends LeadershipError {
  constructor(message: string) {
    super(message);
    this.name = 'FencedOutError';
  }
}
