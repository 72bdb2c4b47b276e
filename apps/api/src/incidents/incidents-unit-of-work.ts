import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction } from '../database/sql-executor';
import { DetectorStateRepository } from './detector-state.repository';
import type { IncidentsTx } from './incident-store';
import { IncidentsRepository } from './incidents.repository';
import { SystemStatusHistoryRepository } from '../detection/system-status-history.repository';

/** Runs work in one database transaction over the incident tables and the detector's state. */
@Injectable()
export class IncidentsUnitOfWork {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (tx: IncidentsTx) => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, (sql) =>
      work({
        incidents: new IncidentsRepository(sql),
        detectorState: new DetectorStateRepository(sql),
        statusHistory: new SystemStatusHistoryRepository(sql),
      }),
    );
  }
}
