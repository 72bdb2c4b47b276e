import { Inject, Injectable, Logger } from '@nestjs/common';
import { CheckOutcome, ResultBatchAck, ResultRecord } from '@kuzet/contracts';
import { IngestService } from '../../ingest/ingest.service';
import { ProbingMetrics } from '../metrics/probing-metrics.service';
import { PROBING_OPTIONS, ProbingOptions } from '../probing.options';
import { RecentBatchIds } from './recent-batch-ids';
import { ResultDetailsRepository } from './result-details.repository';
import { latestPerCheckRegion, toCheckResultRow } from './result-row.mapper';

/**
 * Results from agents (remote over HTTP, embedded in process) into check_results via ingest, and
 * their details into check_latest_details / check_failure_details. A batch id seen recently is
 * acknowledged as a duplicate; the unique key of check_results is the real guarantee.
 */
@Injectable()
export class ResultIntakeService {
  private readonly logger = new Logger('ProbeResults');
  private readonly recent: RecentBatchIds;

  constructor(
    @Inject(PROBING_OPTIONS) options: ProbingOptions,
    private readonly ingest: IngestService,
    private readonly details: ResultDetailsRepository,
    private readonly metrics: ProbingMetrics,
  ) {
    this.recent = new RecentBatchIds(options.recentBatchIds);
  }

  async accept(batchId: string, records: readonly ResultRecord[], source: 'remote' | 'embedded'): Promise<ResultBatchAck> {
    if (this.recent.has(batchId)) {
      this.metrics.duplicateBatches.inc();
      this.logger.log({ event: 'probe_results.duplicate_batch', batch_id: batchId, results: records.length });
      return { batch_id: batchId, accepted: 0, duplicates: records.length };
    }
    const ack = await this.ingest.write(records.map(toCheckResultRow));
    await this.storeDetails(records);
    this.recent.add(batchId, ack.accepted);
    for (const r of records) this.metrics.resultsReceived.inc({ region: r.region, source });
    return { batch_id: batchId, accepted: ack.accepted, duplicates: 0 };
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
