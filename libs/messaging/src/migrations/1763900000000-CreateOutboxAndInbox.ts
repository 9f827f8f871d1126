import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transactional outbox (events waiting to be published, written in the same
 * transaction as the state change) and the idempotent inbox (events a consumer has
 * already applied). Every service that publishes or consumes runs this migration in
 * its own database.
 */
export class CreateOutboxAndInbox1763900000000 implements MigrationInterface {
  name = 'CreateOutboxAndInbox1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE messaging_outbox (
        seq           bigserial PRIMARY KEY,
        event_id      uuid        NOT NULL UNIQUE,
        topic         text        NOT NULL,
        message_key   text        NOT NULL,
        envelope      jsonb       NOT NULL,
        headers       jsonb       NOT NULL DEFAULT '{}'::jsonb,
        created_at    timestamptz NOT NULL DEFAULT now(),
        published_at  timestamptz,
        attempts      integer     NOT NULL DEFAULT 0,
        last_error    text
      )`);
    await queryRunner.query(`CREATE INDEX messaging_outbox_pending ON messaging_outbox (seq) WHERE published_at IS NULL`);
    await queryRunner.query(`CREATE INDEX messaging_outbox_published_at ON messaging_outbox (published_at) WHERE published_at IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE messaging_inbox (
        consumer      text        NOT NULL,
        event_id      uuid        NOT NULL,
        topic         text        NOT NULL,
        grievance_id  uuid,
        processed_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE messaging_inbox`);
    await queryRunner.query(`DROP TABLE messaging_outbox`);
  }
}
