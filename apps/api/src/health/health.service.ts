import { Inject, Injectable } from '@nestjs/common';
import { SQL_EXECUTOR, SqlExecutor } from '../database/sql-executor';
import { StorageModeService } from '../database/storage-mode.service';
import { KUZET_VERSION } from '../version';
import type { HealthReport } from './health.dto';

const DB_PROBE_TIMEOUT_MS = 2_000;

/** What /api/health answers: is the process serving and its database reachable, in which mode. */
@Injectable()
export class HealthService {
  private readonly startedAt = Date.now();
  private postgresVersion: string | null = null;

  constructor(
    private readonly storage: StorageModeService,
    @Inject(SQL_EXECUTOR) private readonly db: SqlExecutor,
  ) {}

  async report(): Promise<HealthReport> {
    const database = await this.probeDatabase();
    return {
      status: database.ok ? 'ok' : 'degraded',
      storage: { mode: this.storage.getMode(), timescaledb: this.storage.getTimescaleVersion() },
      database,
      versions: { kuzet: KUZET_VERSION, node: process.versions.node, postgres: this.postgresVersion },
      uptime_s: Math.round((Date.now() - this.startedAt) / 1000),
    };
  }

  private async probeDatabase(): Promise<HealthReport['database']> {
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('database probe timed out')), DB_PROBE_TIMEOUT_MS);
      });
      const rows = await Promise.race([this.db.query<{ v: string }>("SELECT current_setting('server_version') AS v"), timeout]);
      this.postgresVersion = rows[0]?.v ?? null;
      return { ok: true, latency_ms: Date.now() - started };
    } catch (error) {
      return { ok: false, latency_ms: Date.now() - started, error: (error as Error).message };
    } finally {
      clearTimeout(timer);
    }
  }
}
