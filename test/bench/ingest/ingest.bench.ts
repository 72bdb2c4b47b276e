// Ingest throughput: a raw COPY into check_results (baseline) against the whole IngestService
// pipeline (validation, bounded queue, group commit, unnest insert), on a fresh database.
// `npm run bench -- ingest`; BENCH_DATABASE_URL overrides the database (it is then not dropped).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { createDataSourceOptions } from '../../../apps/api/src/database/data-source-options';
import { runMigrations } from '../../../apps/api/src/database/migration-runner';
import { dataSourceExecutor } from '../../../apps/api/src/database/sql-executor';
import { readStorageInfo } from '../../../apps/api/src/database/storage-mode';
import { createIngestSpool } from '../../../apps/api/src/ingest/ingest-spool';
import { IngestMetrics } from '../../../apps/api/src/ingest/ingest-metrics';
import { IngestStore } from '../../../apps/api/src/ingest/ingest-store';
import { IngestTimers } from '../../../apps/api/src/ingest/ingest-timers';
import { IngestService } from '../../../apps/api/src/ingest/ingest.service';
import type { MetricsRegistry } from '../../../apps/api/src/metrics/metrics-registry.service';
import type { CheckOutcome } from '../../../apps/api/src/timeseries/check-outcome';
import type { CheckResultRow } from '../../../apps/api/src/timeseries/check-result';
import { CheckResultsRepository } from '../../../apps/api/src/timeseries/check-results.repository';
import { adminUrl, databaseUrl } from '../../setup/test-database';

const N = Number(process.env.BENCH_INGEST_ROWS ?? 500_000);
const WRITERS = 200;
const ROWS_PER_WRITE = 100;
const CHECKS = 1000;
const REGIONS = ['almaty', 'astana', 'shymkent', 'aktobe'];
// Yesterday, midnight UTC: inside any retention window.
const T0 = Math.floor(Date.now() / 86_400_000) * 86_400_000 - 86_400_000;

const progress = (event: string, data: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ event: `bench.ingest.${event}`, ...data }));
const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

/** Row i of a run: distinct (check, region, time) for every i. */
function rowAt(i: number): CheckResultRow {
  const slot = Math.floor(i / (CHECKS * REGIONS.length));
  const rest = i % (CHECKS * REGIONS.length);
  return {
    time: new Date(T0 + slot * 1000),
    checkId: 1 + (rest % CHECKS),
    region: REGIONS[Math.floor(rest / CHECKS)],
    outcome: (i % 17 === 0 ? 2 : 0) as CheckOutcome,
    latencyMs: 20 + (i % 500) / 2,
    statusCode: i % 17 === 0 ? 503 : 200,
    errorClass: i % 17 === 0 ? 'status' : null,
  };
}

async function admin<T>(work: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: adminUrl() });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

async function copyBaseline(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const t0 = process.hrtime.bigint();
    const CHUNK = 10_000;
    let i = 0;
    const source = Readable.from(
      (function* () {
        while (i < N) {
          const lines: string[] = [];
          const end = Math.min(N, i + CHUNK);
          for (; i < end; i++) {
            const r = rowAt(i);
            lines.push(
              `${r.time.toISOString()}\t${r.checkId}\t${r.region}\t${r.outcome}\t${r.latencyMs ?? '\\N'}\t${r.statusCode ?? '\\N'}\t${r.errorClass ?? '\\N'}\n`,
            );
          }
          yield lines.join('');
        }
      })(),
    );
    await pipeline(
      source,
      client.query(
        copyFrom(
          'COPY check_results (time, check_id, region, outcome, latency_ms, status_code, error_class) FROM STDIN',
        ),
      ),
    );
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    return seconds;
  } finally {
    await client.end();
  }
}

async function pipelineRun(
  dataSource: DataSource,
  spoolDir: string,
): Promise<{ seconds: number; statements: number }> {
  const db = dataSourceExecutor(dataSource);
  const service = new IngestService(
    new IngestStore(new CheckResultsRepository(db), db),
    createIngestSpool(spoolDir),
    new IngestMetrics({ registry: new Registry() } as MetricsRegistry),
    new IngestTimers(),
    {
      batchMaxRows: Number(process.env.BENCH_INGEST_BATCH_MAX ?? 5000),
      queueMaxRows: Number(process.env.BENCH_INGEST_QUEUE_MAX ?? 50_000),
    },
  );
  service.start();
  let next = 0;
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (next < N) {
        const start = next;
        next = Math.min(N, next + ROWS_PER_WRITE);
        const rows: CheckResultRow[] = [];
        for (let i = start; i < next; i++) rows.push(rowAt(i));
        const ack = await service.write(rows);
        if (ack.stored !== rows.length) throw new Error(`write not stored: ${JSON.stringify(ack)}`);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const { statements } = service.stats();
  await service.stop();
  return { seconds, statements };
}

async function count(dataSource: DataSource): Promise<number> {
  const [r] = (await dataSource.query('SELECT count(*)::int AS n FROM check_results')) as { n: number }[];
  return r.n;
}

async function main(): Promise<void> {
  const own = !process.env.BENCH_DATABASE_URL;
  const name = `kuzet_bench_${Date.now()}`;
  if (own) await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = process.env.BENCH_DATABASE_URL ?? databaseUrl(name);
  const dataSource = await new DataSource(
    createDataSourceOptions(url, { applicationName: 'kuzet-bench' }),
  ).initialize();
  const spoolDir = mkdtempSync(join(tmpdir(), 'kuzet-bench-spool-'));
  try {
    await runMigrations(dataSource, quiet);
    const { mode } = await readStorageInfo(dataSourceExecutor(dataSource));
    progress('ready', { rows: N, database: own ? name : 'BENCH_DATABASE_URL', storageMode: mode });

    await dataSource.query('TRUNCATE check_results');
    const copySeconds = await copyBaseline(url);
    const copied = await count(dataSource);
    if (copied !== N) throw new Error(`COPY stored ${copied} rows, expected ${N}`);
    const copyRate = N / copySeconds;
    progress('copy', { rows: N, seconds: round(copySeconds), rowsPerSecond: Math.round(copyRate) });

    await dataSource.query('TRUNCATE check_results');
    const run = await pipelineRun(dataSource, spoolDir);
    const stored = await count(dataSource);
    if (stored !== N) throw new Error(`pipeline stored ${stored} rows, expected ${N}`);
    const rate = N / run.seconds;
    progress('pipeline', {
      rows: N,
      seconds: round(run.seconds),
      rowsPerSecond: Math.round(rate),
      statements: run.statements,
    });

    const result = {
      name: 'ingest',
      at: new Date().toISOString(),
      rows: N,
      writers: WRITERS,
      rows_per_write: ROWS_PER_WRITE,
      storage_mode: mode,
      copy_baseline_rows_per_second: Math.round(copyRate),
      rows_per_second: Math.round(rate),
      ratio_to_copy: round(rate / copyRate),
      pipeline_statements: run.statements,
      targets: { rows_per_second: 50_000, ratio_to_copy: 0.5 },
      machine: {
        cpu: cpus()[0]?.model ?? 'unknown',
        cores: cpus().length,
        memory_bytes: totalmem(),
        node: process.version,
        platform: `${process.platform}-${process.arch}`,
      },
    };
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/ingest.json', `${JSON.stringify(result, null, 2)}\n`);
    progress('done', { file: 'bench/results/ingest.json', ratio_to_copy: result.ratio_to_copy });
  } finally {
    await dataSource.destroy();
    rmSync(spoolDir, { recursive: true, force: true });
    if (own) await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
