import { Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction } from '../database/sql-executor';
import { LeaderFence } from '../leadership/leader-fence.service';
import { DetectorStateRepository } from './detector-state.repository';
import type { IncidentsTx } from './incident-store';
import { IncidentsRepository } from './incidents.repository';
import { SystemStatusHistoryRepository } from '../detection/system-status-history.repository';

export interface IncidentsRunOptions {
  /**
   * A leader-only change (the detector, the sweep): refused, and rolled back, unless this node
   * still leads under the current term. People's actions (acknowledge, notes) run on any node.
   */
  asLeader?: boolean;
}

/** Runs work in one database transaction over the incident tables and the detector's state. */
@Injectable()
export class IncidentsUnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    @Optional() private readonly fence?: LeaderFence,
  ) {}

  run<T>(work: (tx: IncidentsTx) => Promise<T>, options: IncidentsRunOptions = {}): Promise<T> {
    return inTransaction(this.dataSource, async (sql) => {
      if (options.asLeader) await this.fence?.assertHeld(sql);
      return work({
        incidents: new IncidentsRepository(sql),
        detectorState: new DetectorStateRepository(sql),
        statusHistory: new SystemStatusHistoryRepository(sql),
      });
    });
  }
}
