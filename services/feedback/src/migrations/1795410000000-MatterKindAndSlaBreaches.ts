import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each matter's kind (an appeal's unsatisfied rating is reopened by routing, up the chain;
 * a hazard's by this service), and the SLA breaches of each matter, one row per deadline
 * that broke, so grievance.closed.v1 can say whether every deadline held.
 */
export class MatterKindAndSlaBreaches1795410000000 implements MigrationInterface {
  name = 'MatterKindAndSlaBreaches1795410000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Null for matters stored before: they are treated as today (not appeals).
    await queryRunner.query(`ALTER TABLE feedback_matters ADD COLUMN kind text`);
    // No reference to feedback_matters: a breach may arrive before the submission does.
    await queryRunner.query(`
      CREATE TABLE feedback_sla_breaches (
        grievance_id  uuid        NOT NULL,
        deadline_id   text        NOT NULL,
        target        text        NOT NULL,
        holder        jsonb       NOT NULL,
        fired_at      timestamptz NOT NULL,
        event_id      uuid        NOT NULL,
        PRIMARY KEY (grievance_id, deadline_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE feedback_sla_breaches`);
    await queryRunner.query(`ALTER TABLE feedback_matters DROP COLUMN kind`);
  }
}
