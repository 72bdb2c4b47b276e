import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in failure counters (issue 10), shared by every API node: one row per counter key (a
 * sha256 of the (e-mail, address) pair, the address or the user, so no e-mail or address is kept
 * in clear), in the layout rate-limiter-flexible's RateLimiterPostgres reads and writes: points
 * used and the expiry in epoch milliseconds (NULL = never).
 * Plain SQL: runs the same on PostgreSQL, TimescaleDB and PGlite.
 */
export class LoginRateLimits1795720000910 implements MigrationInterface {
  name = 'LoginRateLimits1795720000910';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE login_rate_limits (
      key varchar(255) PRIMARY KEY,
      points integer NOT NULL DEFAULT 0,
      expire bigint NULL
    )`);
    await queryRunner.query('CREATE INDEX login_rate_limits_expire_idx ON login_rate_limits (expire)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE login_rate_limits');
  }
}
