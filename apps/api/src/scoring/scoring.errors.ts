import { BadRequestException, NotFoundException } from '@nestjs/common';

/** An agency or system code with no score: unknown, disabled, or not scored yet. */
export class ScoreNotFoundError extends NotFoundException {
  constructor(what: 'agency' | 'system', code: string) {
    super(`${what} ${code}: no score (unknown code, or not scored yet)`);
  }
}

/** A query parameter out of its range; the message names it. */
export class ScoreQueryError extends BadRequestException {
  constructor(field: string, problem: string) {
    super(`${field}: ${problem}`);
  }
}
