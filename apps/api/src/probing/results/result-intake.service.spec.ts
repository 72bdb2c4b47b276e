import type { ResultRecord } from '@kuzet/contracts';
import type { IngestService } from '../../ingest/ingest.service';
import type { AssignmentService } from '../assignment/assignment.service';
import { MetricsRegistry } from '../../metrics/metrics-registry.service';
import { ProbingMetrics } from '../metrics/probing-metrics.service';
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
  const registry = new MetricsRegistry();
  const metrics = new ProbingMetrics(registry);
  const assignments = { ready: async () => undefined, isLoaded: loaded, served: () => 'assigned' } as unknown as AssignmentService;
  const clock = { now: () => now } as ProbingClock;
  const intake = new ResultIntakeService(resolveProbingOptions(), ingest, details, metrics, assignments, clock);
  return { intake, written, registry };
}

describe('ResultIntakeService', () => {
  it('refuses to judge results before the assigned checks were ever loaded (the agent retries)', async () => {
    const { intake, written } = setup(false);
    await expect(intake.accept('batch-1', [record(now - 1000)], 'remote')).rejects.toBeInstanceOf(AssignmentsNotLoadedError);
    expect(written).toEqual([]);
  });

  it('acknowledges as accepted only what became durable, and counts the rest by reason', async () => {
    const { intake, written, registry } = setup(true);
    const ack = await intake.accept('batch-2', [record(now - 1000), record(now - 2000), record(now + 60_000)], 'remote');
    expect(written[0]).toHaveLength(2);
    expect(ack).toEqual({ batch_id: 'batch-2', accepted: 1, duplicates: 0, rejected: { planned_in_future: 1, database: 1 } });
    // The two admitted results: their lag (1 s and 2 s) and outcome; the refused one is not counted.
    const scrape = await registry.registry.metrics();
    expect(scrape).toMatch(/^kuzet_probe_result_lag_seconds_count\{[^}]*region="local"[^}]*\} 2$/m);
    expect(scrape).toMatch(/^kuzet_probe_result_lag_seconds_sum\{[^}]*region="local"[^}]*\} 3$/m);
    expect(scrape).toMatch(/^kuzet_check_results_total\{region="local",outcome="up"[^}]*\} 2$/m);
  });
});
