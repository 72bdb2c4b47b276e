import { Inject, Injectable, Logger } from '@nestjs/common';
import { CheckOutcome, ResultBatchAck, ResultRecord } from '@kuzet/contracts';
import { IngestService } from '../../ingest/ingest.service';
import { AssignmentService } from '../assignment/assignment.service';
import { ProbingMetrics } from '../metrics/probing-metrics.service';
import { ProbingClock } from '../probing-clock';
import { AssignmentsNotLoadedError } from '../probing.errors';
import { PROBING_OPTIONS, ProbingOptions } from '../probing.options';
import { RecentBatchIds } from './recent-batch-ids';
import { admitResults } from './result-admission';
import { ResultDetailsRepository } from './result-details.repository';
import { latestPerCheckRegion, toCheckResultRow } from './result-row.mapper';

/**
 * Results from agents (remote over HTTP, embedded in process) into check_results via ingest, and
 * their details into check_latest_details / check_failure_details. Only results of assigned
 * checks in a sane time window get in: a forged future slot would otherwise win its slot over the
 * real result. A batch id seen recently is acknowledged as a duplicate; the unique key of
 * check_results is the real guarantee.
 */
@Injectable()
export class ResultIntakeService {
  private readonly logger = new Logger('ProbeResults');
  private readonly recent: RecentBatchIds;

  constructor(
    @Inject(PROBING_OPTIONS) private readonly options: ProbingOptions,
    private readonly ingest: IngestService,
    private readonly details: ResultDetailsRepository,
    private readonly metrics: ProbingMetrics,
    private readonly assignments: AssignmentService,
    private readonly clock: ProbingClock,
  ) {
    this.recent = new RecentBatchIds(options.recentBatchIds);
  }

  /**
   * Stores the admitted results of a batch (see admitResults) with their details; `accepted` is
   * what became durable, every other result is counted under its reason in `rejected`.
   */
  async accept(batchId: string, records: readonly ResultRecord[], source: 'remote' | 'embedded'): Promise<ResultBatchAck> {
    if (this.recent.has(batchId)) {
      this.metrics.duplicateBatches.inc();
      this.logger.log({ event: 'probe_results.duplicate_batch', batch_id: batchId, results: records.length });
      return { batch_id: batchId, accepted: 0, duplicates: records.length, rejected: {} };
    }
    await this.assignments.ready();
    if (!this.assignments.isLoaded) throw new AssignmentsNotLoadedError();
    const now = this.clock.now();
    const { admitted, rejected } = admitResults(records, {
      now,
      clockSkewMs: this.options.clockSkewMs,
      replayHorizonMs: this.options.replayHorizonMs,
      served: (checkId, region, plannedAt) => this.assignments.served(checkId, region, plannedAt),
    });
    const ack = admitted.length > 0 ? await this.ingest.write(admitted.map(toCheckResultRow)) : undefined;
    const counts: Record<string, number> = { ...rejected };
    if (ack?.rejected) counts.invalid = ack.rejected;
    if (ack?.dropped) counts.database = ack.dropped;
    if (Object.keys(counts).length > 0) this.reportRejected(batchId, source, records, counts);
    await this.storeDetails(admitted);
    const accepted = ack ? ack.stored + ack.spooled : 0;
    this.recent.add(batchId, accepted);
    for (const r of records) this.metrics.resultsReceived.inc({ region: r.region, source });
    this.metrics.observeAdmitted(admitted, now);
    return { batch_id: batchId, accepted, duplicates: 0, rejected: counts };
  }

  private reportRejected(batchId: string, source: string, records: readonly ResultRecord[], counts: Record<string, number>): void {
    for (const [reason, n] of Object.entries(counts)) this.metrics.resultsRejected.inc({ reason }, n);
    this.logger.warn({
      event: 'probe_results.rejected',
      batch_id: batchId,
      source,
      region: records[0]?.region,
      results: records.length,
      rejected: counts,
    });
  }

  /** Details are best effort: the result rows are already durable. */
  private async storeDetails(records: readonly ResultRecord[]): Promise<void> {
    try {
      await this.details.upsertLatest(latestPerCheckRegion(records));
      await this.details.insertFailures(records.filter((r) => r.outcome !== CheckOutcome.Up));
    } catch (error) {
      this.logger.warn({ event: 'probe_results.details_failed', results: records.length, err: String(error) });
    }
  }
}
