import type { ResultRecord } from '@kuzet/contracts';
import type { IngestService } from '../../ingest/ingest.service';
import type { AssignmentService } from '../assignment/assignment.service';
import type { ProbingMetrics } from '../metrics/probing-metrics.service';
import type { ProbingClock } from '../probing-clock';
import { AssignmentsNotLoadedError } from '../probing.errors';
import { resolveProbingOptions } from '../probing.options';
import type { ResultDetailsRepository } from './result-details.repository';
import { ResultIntakeService } from './result-intake.service';

const now = Date.parse('2026-12-03T08:00:00Z');
const record = (plannedAt: number): ResultRecord => ({
  check_id: 1,
  region: 'local',
  planned_at: plannedAt,
  outcome: 0,
  latency_ms: 1,
  status_code: 200,
  error_class: null,
});

function setup(loaded: boolean) {
  const written: unknown[][] = [];
  const ingest = {
    write: async (rows: unknown[]) => {
      written.push(rows);
      return { accepted: rows.length, rejected: 0, stored: rows.length - 1, spooled: 0, dropped: 1 };
    },
  } as unknown as IngestService;
  const details = { upsertLatest: async () => undefined, insertFailures: async () => undefined } as unknown as ResultDetailsRepository;
  const counter = { inc: () => undefined };
  const metrics = { duplicateBatches: counter, resultsReceived: counter, resultsRejected: counter } as unknown as ProbingMetrics;
  const assignments = { ready: async () => undefined, isLoaded: loaded, served: () => 'assigned' } as unknown as AssignmentService;
  const clock = { now: () => now } as ProbingClock;
  const intake = new ResultIntakeService(resolveProbingOptions(), ingest, details, metrics, assignments, clock);
  return { intake, written };
}

describe('ResultIntakeService', () => {
  it('refuses to judge results before the assigned checks were ever loaded (the agent retries)', async () => {
    const { intake, written } = setup(false);
    await expect(intake.accept('batch-1', [record(now - 1000)], 'remote')).rejects.toBeInstanceOf(AssignmentsNotLoadedError);
    expect(written).toEqual([]);
  });

  it('acknowledges as accepted only what became durable, and counts the rest by reason', async () => {
    const { intake, written } = setup(true);
    const ack = await intake.accept('batch-2', [record(now - 1000), record(now - 2000), record(now + 60_000)], 'remote');
    expect(written[0]).toHaveLength(2);
    expect(ack).toEqual({ batch_id: 'batch-2', accepted: 1, duplicates: 0, rejected: { planned_in_future: 1, database: 1 } });
  });
});
