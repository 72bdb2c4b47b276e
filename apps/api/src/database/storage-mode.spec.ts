import { StorageModeError } from './database.errors';
import type { SqlExecutor } from './sql-executor';
import { detectAndInstallStorageMode, readStorageMode } from './storage-mode';

/** A fake executor answering by the first matching pattern, recording every statement. */
function fakeDb(answers: [RegExp, unknown[]][]): SqlExecutor & { statements: string[] } {
  const statements: string[] = [];
  return {
    statements,
    query: async <T>(sql: string): Promise<T[]> => {
      statements.push(sql);
      return (answers.find(([re]) => re.test(sql))?.[1] ?? []) as T[];
    },
  };
}

describe('storage mode detection', () => {
  it('installs timescaledb and picks its mode when the server offers it', async () => {
    const db = fakeDb([[/pg_available_extensions/, [{ available: true }]]]);
    expect(await detectAndInstallStorageMode(db)).toBe('timescaledb');
    expect(db.statements).toContain('CREATE EXTENSION IF NOT EXISTS timescaledb');
  });

  it('falls back to plain postgresql, installing nothing', async () => {
    const db = fakeDb([[/pg_available_extensions/, [{ available: false }]]]);
    expect(await detectAndInstallStorageMode(db)).toBe('postgresql');
    expect(db.statements.some((s) => /CREATE EXTENSION/.test(s))).toBe(false);
  });

  it('reads the recorded mode, and refuses a database that was never migrated', async () => {
    expect(
      await readStorageMode(
        fakeDb([
          [/to_regclass/, [{ present: true }]],
          [/FROM kuzet_meta/, [{ value: 'timescaledb' }]],
        ]),
      ),
    ).toBe('timescaledb');
    await expect(readStorageMode(fakeDb([[/to_regclass/, [{ present: false }]]]))).rejects.toBeInstanceOf(
      StorageModeError,
    );
    await expect(
      readStorageMode(
        fakeDb([
          [/to_regclass/, [{ present: true }]],
          [/FROM kuzet_meta/, [{ value: 'mongo' }]],
        ]),
      ),
    ).rejects.toThrow(/"mongo"/);
  });
});
