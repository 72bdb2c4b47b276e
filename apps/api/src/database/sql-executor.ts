import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { DatabaseError } from './database.errors';

/**
 * The one thing time-series SQL needs from a connection: run a statement, get its rows.
 * Implemented by TypeORM (below) and by PGlite in tests, so the same SQL text runs on
 * PostgreSQL, TimescaleDB and PGlite-with-TimescaleDB.
 *
 * Statements whose rows matter must return them as a SELECT would (`... RETURNING` or a
 * `WITH x AS (DML ... RETURNING ...) SELECT ...` wrapper).
 */
export interface SqlExecutor {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

/** Injection token: a SqlExecutor over the app's DataSource (provided by DatabaseModule). */
export const SQL_EXECUTOR = Symbol('SQL_EXECUTOR');

/**
 * Adapts a TypeORM QueryRunner. TypeORM's plain `query()` returns `[rows, count]` for
 * UPDATE/DELETE; the structured result keeps it uniform: always the rows.
 */
export function queryRunnerExecutor(queryRunner: QueryRunner): SqlExecutor {
  return {
    async query<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
      const result = await queryRunner.query(sql, params ? [...params] : undefined, true);
      return (result.records ?? []) as T[];
    },
  };
}

/** Each statement on a pooled connection of its own (no transaction spans two calls). */
export function dataSourceExecutor(dataSource: DataSource): SqlExecutor {
  return {
    async query<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
      const queryRunner = dataSource.createQueryRunner();
      try {
        return await queryRunnerExecutor(queryRunner).query<T>(sql, params);
      } finally {
        await queryRunner.release();
      }
    },
  };
}

/** Runs `work` in one transaction; the executor it receives is bound to that transaction. */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (tx: SqlExecutor) => Promise<T>,
): Promise<T> {
  return dataSource.transaction(async (manager: EntityManager) => {
    if (!manager.queryRunner) throw new DatabaseError('transaction without a query runner');
    return work(queryRunnerExecutor(manager.queryRunner));
  });
}
