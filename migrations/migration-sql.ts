import type { QueryRunner } from 'typeorm';
import type { SqlExecutor } from '../apps/api/src/database/sql-executor';

/**
 * Migrations only ever call `queryRunner.query(sql, params)`: that keeps them runnable by
 * TypeORM and by the PGlite (TimescaleDB) test harness, which provides just that method.
 */
export function migrationSql(queryRunner: Pick<QueryRunner, 'query'>): SqlExecutor {
  return {
    query: async <T>(sql: string, params?: readonly unknown[]): Promise<T[]> =>
      (await queryRunner.query(sql, params ? [...params] : undefined)) as T[],
  };
}
