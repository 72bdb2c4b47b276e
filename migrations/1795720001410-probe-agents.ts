import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Probe agents seen by any API node (issue 14): each node records the agents that poll it, so
 * every node plans assignments over the same set of live agents, whichever node an agent talks
 * to. `last_seen` is refreshed while a poll is open; rows older than the agent TTL are ignored
 * and removed. Plain SQL: runs the same on PostgreSQL, TimescaleDB and PGlite.
 */
export class ProbeAgents1795720001410 implements MigrationInterface {
  name = 'ProbeAgents1795720001410';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE probe_agents (
      agent_id text PRIMARY KEY,
      region text NOT NULL,
      last_seen timestamptz NOT NULL,
      node text NOT NULL
    )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE probe_agents');
  }
}
