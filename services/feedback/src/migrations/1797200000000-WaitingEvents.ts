import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Events that came before the matter they are about (its submission travels on another topic
 * and can be read later): kept here, in the order they came, and applied when the matter's
 * submission arrives, instead of holding up their partition or being parked as failures.
 */
export class WaitingEvents1797200000000 implements MigrationInterface {
  name = 'WaitingEvents1797200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE feedback_waiting_events (
        seq          bigserial PRIMARY KEY,
        waiting_for  uuid NOT NULL,
        event_id     uuid NOT NULL UNIQUE,
        topic        text NOT NULL,
        envelope     jsonb NOT NULL,
        received_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX feedback_waiting_events_matter ON feedback_waiting_events (waiting_for, seq)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE feedback_waiting_events`);
  }
}
