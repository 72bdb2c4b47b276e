import type { ResultRecord } from '@kuzet/contracts';

/**
 * Where an agent's results go: over HTTP for a remote agent (which spools when cut off), straight
 * into ingest for the embedded one. Batches are submitted one at a time, in order.
 */
export interface ResultSink {
  submit(batch: ResultRecord[]): Promise<void>;
}
