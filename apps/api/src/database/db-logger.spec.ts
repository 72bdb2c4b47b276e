import { redactDatabaseUrl } from './db-logger';

describe('redactDatabaseUrl', () => {
  it('hides the password and keeps the rest', () => {
    expect(redactDatabaseUrl('postgres://kuzet:s3cr%40t@db.example:5432/kuzet?sslmode=require')).toBe(
      'postgres://kuzet:***@db.example:5432/kuzet?sslmode=require',
    );
    expect(redactDatabaseUrl('postgres://postgres@127.0.0.1:5432/postgres')).toBe(
      'postgres://postgres@127.0.0.1:5432/postgres',
    );
    expect(redactDatabaseUrl('not a url')).toBe('postgres://(unparseable url)');
  });
});
