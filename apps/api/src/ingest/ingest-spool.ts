import { Logger } from '@nestjs/common';
import * as path from 'node:path';
import { DiskSpool } from '@kuzet/spool';
import type { AppConfig } from '../config/app-config';
import type { SpooledCheckResult } from './spooled-check-result';

/** Injection token: the DiskSpool<SpooledCheckResult> of ingest, `<dataDir>/spool/ingest`. */
export const INGEST_SPOOL = Symbol('INGEST_SPOOL');

export type IngestSpool = DiskSpool<SpooledCheckResult>;

export function ingestSpoolDir(config: Pick<AppConfig, 'dataDir'>): string {
  return path.join(config.dataDir, 'spool', 'ingest');
}

export function createIngestSpool(dir: string, options: { segmentMaxBytes?: number } = {}): IngestSpool {
  const logger = new Logger('IngestSpool');
  return new DiskSpool<SpooledCheckResult>(dir, {
    segmentMaxBytes: options.segmentMaxBytes,
    logger: { log: (m) => logger.log(m), warn: (m) => logger.warn(m) },
  });
}
