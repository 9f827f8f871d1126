import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The deadline the current holder of a matter works to, as the events tell it (a grid worker's
 * accept-by, the due time an SLA warning names), and the time of the event that set or cleared
 * it, so an older event consumed late changes nothing. Open311 answers it as expected_datetime.
 */
export class Deadlines1801000000000 implements MigrationInterface {
  name = 'Deadlines1801000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS intake_deadlines (
        grievance_id  uuid        PRIMARY KEY,
        due_at        timestamptz,
        at            timestamptz NOT NULL,
        event_id      text        NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS intake_deadlines`);
  }
}
