import { chmodSync, cpSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LoggerService, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { allMigrations } from '../../../migrations';
import { loadAppConfig } from '../../../apps/api/src/config/app-config';
import { ConfigModule } from '../../../apps/api/src/config/config.module';
import { createDataSourceOptions } from '../../../apps/api/src/database/data-source-options';
import { DatabaseModule } from '../../../apps/api/src/database/database.module';
import { EmbeddedPostgresError } from '../../../apps/api/src/database/database.errors';
import type { DbLogger } from '../../../apps/api/src/database/db-logger';
import { binariesIn, resolveEmbeddedPostgresBinaries } from '../../../apps/api/src/database/embedded-postgres-binaries';
import { EmbeddedPostgresService } from '../../../apps/api/src/database/embedded-postgres.service';
import { MigrationRunnerService } from '../../../apps/api/src/database/migration-runner.service';
import { runMigrations } from '../../../apps/api/src/database/migration-runner';
import { dataSourceExecutor, SQL_EXECUTOR, SqlExecutor } from '../../../apps/api/src/database/sql-executor';
import { StorageModeService } from '../../../apps/api/src/database/storage-mode.service';
import { CheckOutcome } from '../../../apps/api/src/timeseries/check-outcome';
import { CheckResultsRepository } from '../../../apps/api/src/timeseries/check-results.repository';
import { freePort } from '../../support/free-port';

const lines: string[] = [];
const log: DbLogger = {
  log: (m) => lines.push(m),
  warn: (m) => lines.push(`WARN ${m}`),
  error: (m) => lines.push(`ERROR ${m}`),
};

class CapturingLogger implements LoggerService {
  log(m: unknown) {
    lines.push(String(m));
  }
  warn(m: unknown) {
    lines.push(`WARN ${String(m)}`);
  }
  error(m: unknown) {
    lines.push(`ERROR ${String(m)}`);
  }
}

async function portAnswers(port: number): Promise<boolean> {
  const { createConnection } = await import('node:net');
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/**
 * The default database: PostgreSQL from the embedded-postgres binaries in a data folder, as
 * root here (it then runs as the postgres system account). Start, migrate, write, stop; start
 * again on the same folder (through DatabaseModule, as the app does): data kept, no initdb,
 * no migration to run; app.close() stops it.
 */
describe('embedded PostgreSQL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kuzet-embedded-'));
  const baseDir = join(dataDir, 'pg');
  let port: number;
  let direct: EmbeddedPostgresService | undefined;
  let dataSource: DataSource | undefined;
  let app: Awaited<ReturnType<typeof NestFactory.createApplicationContext>> | undefined;
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    port = await freePort();
  });

  afterAll(async () => {
    // Whatever failed above, nothing keeps running and the folder goes.
    if (dataSource?.isInitialized) await dataSource.destroy().catch(() => undefined);
    await app?.close().catch(() => undefined);
    await direct?.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
    process.stdout.write(`[embedded postgres timings] ${JSON.stringify(timings)}\n`);
  }, 60_000);

  it('initialises a cluster, starts, migrates and stores a result', async () => {
    direct = new EmbeddedPostgresService({ baseDir, port, logger: log, startTimeoutMs: 30_000 });
    const started = await direct.start();
    timings.firstStartMs = started.durationMs;
    expect(started.initialised).toBe(true);
    expect(started.url).toMatch(new RegExp(`^postgres://postgres:[^@]+@127\\.0\\.0\\.1:${port}/kuzet$`));
    expect(Number.parseInt(started.serverVersion, 10)).toBeGreaterThanOrEqual(15);
    expect(existsSync(join(baseDir, 'data', 'PG_VERSION'))).toBe(true);
    if (process.getuid?.() === 0) expect(statSync(join(baseDir, 'data')).uid).not.toBe(0);
    expect(statSync(join(baseDir, 'superuser.password')).mode & 0o077).toBe(0);

    dataSource = await new DataSource(createDataSourceOptions(started.url)).initialize();
    const report = await runMigrations(dataSource, log);
    timings.migrationsMs = report.durationMs;
    expect(report.executed).toHaveLength(allMigrations.length);
    const inserted = await new CheckResultsRepository(dataSourceExecutor(dataSource)).insertBatch([
      {
        time: new Date('2026-11-26T10:00:00Z'),
        checkId: 1,
        region: 'local',
        outcome: CheckOutcome.Up,
        latencyMs: 42,
        statusCode: 200,
        errorClass: null,
      },
    ]);
    expect(inserted).toBe(1);
    await dataSource.destroy();

    // A second instance on the same folder is refused while the first runs.
    const second = new EmbeddedPostgresService({ baseDir, port: await freePort(), logger: log }).start();
    await expect(second).rejects.toBeInstanceOf(EmbeddedPostgresError);
    await expect(second).rejects.toThrow(/already in use by process \d+/);

    const t0 = Date.now();
    await direct.stop();
    timings.stopMs = Date.now() - t0;
    expect(direct.isRunning).toBe(false);
    expect(await portAnswers(port)).toBe(false);
  });

  it('restarts on the same folder through DatabaseModule: data kept, nothing to migrate, stopped on close', async () => {
    const config = loadAppConfig({ KUZET_DATA_DIR: dataDir, KUZET_EMBEDDED_PG_PORT: String(port) });
    expect(config.databaseUrl).toBeUndefined();
    @Module({ imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot()] })
    class EmbeddedAppModule {}
    lines.length = 0;
    const t0 = Date.now();
    app = await NestFactory.createApplicationContext(EmbeddedAppModule, {
      logger: new CapturingLogger(),
      abortOnError: false,
    });
    timings.secondBootMs = Date.now() - t0;

    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/existing cluster/),
        `migrations: up to date (${allMigrations.length} applied)`,
        'storage mode: postgresql (timescaledb not available)',
      ]),
    );
    expect(lines.some((l) => /initialised a new cluster/.test(l))).toBe(false);
    expect(app.get(StorageModeService).getMode()).toBe('postgresql');
    expect((await app.get(MigrationRunnerService).run()).executed).toEqual([]);
    const db = app.get<SqlExecutor>(SQL_EXECUTOR);
    expect(await db.query('SELECT check_id, region, latency_ms FROM check_results')).toEqual([
      { check_id: 1, region: 'local', latency_ms: 42 },
    ]);
    const migrations = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM migrations');
    expect(migrations[0].n).toBe(allMigrations.length);

    const embedded = app.get(EmbeddedPostgresService);
    expect(embedded.isRunning).toBe(true);
    await app.close();
    app = undefined;
    expect(embedded.isRunning).toBe(false);
    expect(await portAnswers(port)).toBe(false);
    expect(existsSync(join(baseDir, 'data', 'postmaster.pid'))).toBe(false);
  });

  // As root the server runs as user postgres. A checkout in a 0700 directory (mktemp -d) hides
  // node_modules' binaries from it: initdb failed with a bare `spawn EACCES`.
  (process.getuid?.() === 0 ? it : it.skip)(
    'as root, runs binaries the postgres user cannot reach from a copy in its own folder, copied once',
    async () => {
      const hidden = mkdtempSync(join(tmpdir(), 'kuzet-hidden-checkout-'));
      const folder = mkdtempSync(join(tmpdir(), 'kuzet-embedded-copy-'));
      let server: EmbeddedPostgresService | undefined;
      try {
        chmodSync(hidden, 0o700);
        const installed = resolveEmbeddedPostgresBinaries();
        cpSync(installed.nativeDir, join(hidden, 'native'), { recursive: true, verbatimSymlinks: true });
        const options = {
          baseDir: join(folder, 'pg'),
          port: await freePort(),
          logger: log,
          startTimeoutMs: 30_000,
          binaries: binariesIn(join(hidden, 'native'), installed.version),
        };
        lines.length = 0;
        server = new EmbeddedPostgresService(options);
        const started = await server.start();
        expect(started.initialised).toBe(true);
        const copy = join(folder, 'pg', `binaries-${installed.version}`);
        expect(lines).toContainEqual(
          expect.stringMatching(new RegExp(`^WARN .*cannot enter ${hidden}, which holds the binaries; copied them to ${copy}`)),
        );
        expect(existsSync(join(copy, 'bin', 'postgres'))).toBe(true);
        const client = new Client({ connectionString: started.url });
        await client.connect();
        expect((await client.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
        await client.end();
        await server.stop();

        // The second start reuses the copy.
        lines.length = 0;
        server = new EmbeddedPostgresService(options);
        expect((await server.start()).initialised).toBe(false);
        expect(lines.some((l) => /copied them/.test(l))).toBe(false);
        await server.stop();
        server = undefined;
      } finally {
        await server?.stop().catch(() => undefined);
        rmSync(hidden, { recursive: true, force: true });
        rmSync(folder, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
