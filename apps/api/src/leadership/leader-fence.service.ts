import { Injectable } from '@nestjs/common';
import type { SqlExecutor } from '../database/sql-executor';
import { FencedOutError } from './leadership.errors';
import { LeadershipService } from './leadership.service';

/**
 * The fencing check of a leader-only transaction: run first inside it. The shared row lock on
 * `leadership` makes the check hold until commit: a node being elected bumps the term with an
 * UPDATE of that row, which waits for this transaction, and this check, once the bump committed,
 * sees the new term and refuses. So every leader-only write either commits before the next term
 * starts or not at all, and the new leader reads its state after the old leader's last write.
 */
@Injectable()
export class LeaderFence {
  constructor(private readonly leadership: LeadershipService) {}

  async assertHeld(sql: SqlExecutor): Promise<void> {
    const { isLeader, term } = this.leadership.status();
    if (!isLeader || term === null) throw new FencedOutError('not the leader: leader-only write refused');
    const rows = await sql.query<{ term: string }>('SELECT term FROM leadership WHERE id = 1 FOR SHARE');
    const current = Number(rows[0]?.term ?? 0);
    if (current !== term) {
      this.leadership.stepDown(`fenced out: term ${term}, current ${current}`);
      throw new FencedOutError(`term ${term} is over (current ${current}): leader-only write refused`);
    }
  }
}
