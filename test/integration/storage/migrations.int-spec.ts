import { DataSource } from 'typeorm';
import { allMigrations } from '../../../migrations';
import { createDataSourceOptions } from '../../../apps/api/src/database/data-source-options';
import type { DbLogger } from '../../../apps/api/src/database/db-logger';
import { runMigrations } from '../../../apps/api/src/database/migration-runner';
import { openDatabase } from '../../../apps/api/src/database/open-database';
import { dataSourceExecutor } from '../../../apps/api/src/database/sql-executor';
import { readStorageInfo, readStorageMode, StorageMode } from '../../../apps/api/src/database/storage-mode';
import { createDatabase, databaseUrl, dropDatabase, integrationDatabaseUrl } from '../../setup/test-database';
import { schemaSnapshot } from './schema-snapshot';
import { checkRelations, expectedCheckRelations } from './storage-mode-under-test';

function capture(): DbLogger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    log: (m) => lines.push(m),
    warn: (m) => lines.push(`WARN ${m}`),
    error: (m) => lines.push(`ERROR ${m}`),
  };
}

describe('migrations on the test server', () => {
  describe('on a fresh database', () => {
    const name = `kuzet_scratch_${Date.now()}_${process.pid}`;
    let dataSource: DataSource;
    /** The mode global setup's migrations found on this server: a fresh database gets the same. */
    let serverMode: StorageMode;

    beforeAll(async () => {
      const run = await new DataSource(createDataSourceOptions(integrationDatabaseUrl())).initialize();
      try {
        serverMode = await readStorageMode(dataSourceExecutor(run));
      } finally {
        await run.destroy();
      }
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

    it('records the storage mode the server offers (timescaledb only where the extension is)', async () => {
      const db = dataSourceExecutor(dataSource);
      expect(await db.query('SELECT key, value FROM kuzet_meta')).toEqual([
        { key: 'storage_mode', value: serverMode },
      ]);
      const info = await readStorageInfo(db);
      const ext = await db.query<{ extversion: string }>(
        `SELECT extversion FROM pg_extension WHERE extname = 'timescaledb'`,
      );
      if (serverMode === 'postgresql') {
        expect(info).toEqual({
          mode: 'postgresql',
          timescaleVersion: null,
          timescaleAvailableButUnused: false,
        });
        expect(ext).toEqual([]);
      } else {
        expect(info).toEqual({
          mode: 'timescaledb',
          timescaleVersion: expect.stringMatching(/^2\./),
          timescaleAvailableButUnused: false,
        });
        expect(ext).toEqual([{ extversion: info.timescaleVersion }]);
      }
    });

    it('creates the relations of that mode, with the same names in both', async () => {
      const db = dataSourceExecutor(dataSource);
      expect(await checkRelations(db)).toEqual(expectedCheckRelations(serverMode));
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
