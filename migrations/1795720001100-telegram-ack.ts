import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Acknowledging alerts with the Telegram inline button (issue 11):
 * - notification_outbox.ack_token: the button's callback_data, a random unguessable token set on
 *   Telegram alerts the recipient may acknowledge; pressing it acknowledges the row's incidents.
 * - telegram_link_codes: one-time codes a signed-in user sends to the bot as `/start <code>`;
 *   only a sha256 of the code is stored, like session tokens.
 * - telegram_links: which Kuzet user a Telegram user is (one Telegram account per user).
 * Plain SQL: runs the same on PostgreSQL, TimescaleDB and PGlite.
 */
export class TelegramAck1795720001100 implements MigrationInterface {
  name = 'TelegramAck1795720001100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE notification_outbox ADD COLUMN ack_token text NULL');
    await queryRunner.query(
      'CREATE UNIQUE INDEX notification_outbox_ack_token_key ON notification_outbox (ack_token) WHERE ack_token IS NOT NULL',
    );
    await queryRunner.query(`CREATE TABLE telegram_link_codes (
      code_hash text PRIMARY KEY,
      user_id integer NOT NULL REFERENCES users (id),
      expires_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await queryRunner.query('CREATE INDEX telegram_link_codes_user_idx ON telegram_link_codes (user_id)');
    await queryRunner.query(`CREATE TABLE telegram_links (
      telegram_user_id bigint PRIMARY KEY,
      user_id integer NOT NULL REFERENCES users (id) CONSTRAINT telegram_links_user_key UNIQUE,
      linked_at timestamptz NOT NULL
    )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE telegram_links');
    await queryRunner.query('DROP TABLE telegram_link_codes');
    await queryRunner.query('DROP INDEX notification_outbox_ack_token_key');
    await queryRunner.query('ALTER TABLE notification_outbox DROP COLUMN ack_token');
  }
}
