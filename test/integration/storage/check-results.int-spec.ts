import { DataSource } from 'typeorm';
import { createDataSourceOptions } from '../../../apps/api/src/database/data-source-options';
import {
  dataSourceExecutor,
  queryRunnerExecutor,
  SqlExecutor,
} from '../../../apps/api/src/database/sql-executor';
import { readStorageMode, StorageMode } from '../../../apps/api/src/database/storage-mode';
import { CheckOutcome } from '../../../apps/api/src/timeseries/check-outcome';
import type { CheckResultRow } from '../../../apps/api/src/timeseries/check-result';
import { CheckResultsRepository } from '../../../apps/api/src/timeseries/check-results.repository';
import { InvalidCheckResultError } from '../../../apps/api/src/timeseries/timeseries.errors';
import { integrationDatabaseUrl } from '../../setup/test-database';
import { expectedInvalidationLog, invalidationLog } from './storage-mode-under-test';

const CHECK = 8001;
// Two days ago, midnight UTC: recent enough that no retention job of another test file deletes it.
const T0 = Math.floor(Date.now() / 86_400_000) * 86_400_000 - 2 * 86_400_000;

function result(offsetS: number, region = 'almaty', overrides: Partial<CheckResultRow> = {}): CheckResultRow {
  return {
    time: new Date(T0 + offsetS * 1000),
    checkId: CHECK,
    region,
    outcome: CheckOutcome.Up,
    latencyMs: 120.5,
    statusCode: 200,
    errorClass: null,
    ...overrides,
  };
}

describe('CheckResultsRepository.insertBatch on the run database (either storage mode)', () => {
  let dataSource: DataSource;
  let db: SqlExecutor;
  let repo: CheckResultsRepository;
  let mode: StorageMode;

  beforeAll(async () => {
    dataSource = await new DataSource(createDataSourceOptions(integrationDatabaseUrl())).initialize();
    db = dataSourceExecutor(dataSource);
    repo = new CheckResultsRepository(db);
    mode = await readStorageMode(db);
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  const stored = async () =>
    db.query<{
      time: Date;
      region: string;
      outcome: number;
      latency_ms: number | null;
      status_code: number | null;
      error_class: string | null;
    }>(
      'SELECT time, region, outcome, latency_ms, status_code, error_class FROM check_results WHERE check_id = $1 ORDER BY time, region',
      [CHECK],
    );

  it('stores a batch in one statement and returns the exact number of rows inserted', async () => {
    const batch = Array.from({ length: 1000 }, (_, i) => result(i * 10, i % 2 ? 'astana' : 'almaty'));
    expect(await repo.insertBatch(batch)).toBe(1000);
    expect(await stored()).toHaveLength(1000);
  });

  it('ignores rows already stored (same check, region, planned time) and counts only the new ones', async () => {
    const replay = [
      result(0, 'almaty', { outcome: CheckOutcome.Down, latencyMs: null }),
      result(10, 'astana'),
      result(20_000),
      result(20_010),
    ];
    expect(await repo.insertBatch(replay)).toBe(2);
    const rows = await stored();
    expect(rows).toHaveLength(1002);
    // The first write wins: the replayed "down" did not overwrite the stored "up".
    expect(rows[0]).toMatchObject({ region: 'almaty', outcome: CheckOutcome.Up, latency_ms: 120.5 });
    expect(await repo.insertBatch(replay)).toBe(0);
  });

  it('ignores duplicates inside one batch', async () => {
    const t = 30_000;
    expect(await repo.insertBatch([result(t), result(t), result(t, 'astana'), result(t)])).toBe(2);
  });

  it('stores nulls, status codes and error classes as given', async () => {
    const t = 40_000;
    await repo.insertBatch([
      result(t, 'almaty', {
        outcome: CheckOutcome.Down,
        latencyMs: null,
        statusCode: null,
        errorClass: 'dns',
      }),
    ]);
    const row = (await stored()).find((r) => r.time.getTime() === T0 + t * 1000);
    expect(row).toEqual({
      time: new Date(T0 + t * 1000),
      region: 'almaty',
      outcome: 2,
      latency_ms: null,
      status_code: null,
      error_class: 'dns',
    });
  });

  it('rejects an invalid row before touching the database', async () => {
    const before = (await stored()).length;
    await expect(
      repo.insertBatch([result(50_000), result(50_010, 'almaty', { outcome: 7 as CheckOutcome })]),
    ).rejects.toBeInstanceOf(InvalidCheckResultError);
    expect(await stored()).toHaveLength(before);
    expect(await repo.insertBatch([])).toBe(0);
  });

  it('logs one invalidation range per insert statement in plain mode (TimescaleDB mode: no such log)', async () => {
    expect(await invalidationLog(db)).toEqual(expectedInvalidationLog(mode));
    // The continuous aggregates track changes themselves: nothing more to see in TimescaleDB mode.
    if (mode === 'timescaledb') return;
    // Inside a transaction rolled back at the end: rollup jobs of other test files (which
    // consume invalidations) cannot see these rows.
    const queryRunner = dataSource.createQueryRunner();
    await queryRunner.startTransaction();
    try {
      const tx = queryRunnerExecutor(queryRunner);
      const txRepo = new CheckResultsRepository(tx);
      const t = 60_000;
      const mine = () =>
        tx.query<{ resolution: string; lo: Date; hi: Date }>(
          'SELECT resolution, lo, hi FROM check_rollup_invalidations WHERE lo = $1 ORDER BY resolution',
          [new Date(T0 + t * 1000)],
        );
      expect(await txRepo.insertBatch([result(t), result(t + 3600), result(t + 60, 'astana')])).toBe(3);
      expect((await mine()).map((r) => [r.resolution, r.lo.getTime(), r.hi.getTime()])).toEqual(
        ['1d', '1h', '1m'].map((res) => [res, T0 + t * 1000, T0 + (t + 3600) * 1000]),
      );
      // A statement that inserts nothing (all duplicates) logs nothing.
      expect(await txRepo.insertBatch([result(t)])).toBe(0);
      expect(await mine()).toHaveLength(3);
    } finally {
      await queryRunner.rollbackTransaction();
      await queryRunner.release();
    }
  });
});
