import { DataSource } from 'typeorm';
import { allMigrations } from '../../../migrations';
import { createDataSourceOptions } from '../../../apps/api/src/database/data-source-options';
import type { DbLogger } from '../../../apps/api/src/database/db-logger';
import { runMigrations } from '../../../apps/api/src/database/migration-runner';
import { openDatabase } from '../../../apps/api/src/database/open-database';
import { dataSourceExecutor } from '../../../apps/api/src/database/sql-executor';
import { readStorageInfo } from '../../../apps/api/src/database/storage-mode';
import { createDatabase, databaseUrl, dropDatabase, integrationDatabaseUrl } from '../../setup/test-database';
import { schemaSnapshot } from './schema-snapshot';

function capture(): DbLogger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    log: (m) => lines.push(m),
    warn: (m) => lines.push(`WARN ${m}`),
    error: (m) => lines.push(`ERROR ${m}`),
  };
}

describe('migrations on PostgreSQL', () => {
  describe('on a fresh database', () => {
    const name = `kuzet_scratch_${Date.now()}_${process.pid}`;
    let dataSource: DataSource;

    beforeAll(async () => {
      await createDatabase(name);
      dataSource = await new DataSource(createDataSourceOptions(databaseUrl(name))).initialize();
    });

    afterAll(async () => {
      if (dataSource?.isInitialized) await dataSource.destroy();
      await dropDatabase(name);
    });

    it('runs every migration once, with a progress line each, and a second run is a no-op', async () => {
      const first = capture();
      const report = await runMigrations(dataSource, first);
      expect(report.executed).toHaveLength(allMigrations.length);
      expect(report.total).toBe(allMigrations.length);
      const progress = first.lines.filter((l) => l.startsWith('migration '));
      expect(progress).toHaveLength(allMigrations.length);
      progress.forEach((line, i) =>
        expect(line).toMatch(
          new RegExp(`^migration ${i + 1}/${allMigrations.length}: \\w+\\d{13} \\.\\.\\. done in \\d+ms$`),
        ),
      );
      expect(report.executed).toEqual(
        expect.arrayContaining([
          'StorageMode1795720000000',
          'CheckResults1795720000100',
          'CheckRollups1795720000200',
        ]),
      );

      const db = dataSourceExecutor(dataSource);
      const before = await schemaSnapshot(db);
      const second = capture();
      const again = await runMigrations(dataSource, second);
      expect(again.executed).toEqual([]);
      expect(second.lines).toEqual([`migrations: up to date (${allMigrations.length} applied)`]);
      expect(await schemaSnapshot(db)).toEqual(before);
    });

    it('records the storage mode: postgresql on this server (no timescaledb extension)', async () => {
      const db = dataSourceExecutor(dataSource);
      expect(await db.query('SELECT key, value FROM kuzet_meta')).toEqual([
        { key: 'storage_mode', value: 'postgresql' },
      ]);
      const info = await readStorageInfo(db);
      expect(info).toEqual({
        mode: 'postgresql',
        timescaleVersion: null,
        timescaleAvailableButUnused: false,
      });
      const ext = await db.query(`SELECT 1 FROM pg_extension WHERE extname = 'timescaledb'`);
      expect(ext).toEqual([]);
    });

    it('creates the plain-mode relations with the same columns as the TimescaleDB ones', async () => {
      const db = dataSourceExecutor(dataSource);
      const tables = await db.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE 'check_%' ORDER BY 1`,
      );
      expect(tables.map((t) => t.table_name)).toEqual([
        'check_failure_details',
        'check_latest_details',
        'check_results',
        'check_rollup_1d',
        'check_rollup_1h',
        'check_rollup_1m',
        'check_rollup_invalidations',
        'checks',
      ]);
      const fks = await db.query(
        `SELECT conname FROM pg_constraint WHERE conrelid = 'check_results'::regclass AND contype = 'f'`,
      );
      expect(fks).toEqual([]);
    });
  });

  it('finds nothing to do on the run database migrated by global setup (script path: openDatabase)', async () => {
    const log = capture();
    const opened = await openDatabase(
      { databaseUrl: integrationDatabaseUrl(), dataDir: '/nonexistent', embeddedPgPort: 1 },
      { log },
    );
    try {
      expect(opened.embedded).toBeUndefined();
      expect(opened.migrations?.executed).toEqual([]);
      expect(log.lines).toEqual([`migrations: up to date (${allMigrations.length} applied)`]);
      expect(await opened.dataSource.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await opened.close();
    }
    expect(opened.dataSource.isInitialized).toBe(false);
  });
});
