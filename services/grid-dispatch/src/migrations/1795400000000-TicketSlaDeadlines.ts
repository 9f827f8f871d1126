import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tickets' deadlines move to the SLA engine (its tables come with SLA_MIGRATIONS). A ticket
 * keeps the facts its policies are matched on (kind, category, urgency), and the snapshot
 * keeps the urgency the reporter gave. `accept_by` stays: it is now a copy of the open accept
 * deadline's due moment, shown on the ticket.
 */
export class TicketSlaDeadlines1795400000000 implements MigrationInterface {
  name = 'TicketSlaDeadlines1795400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE grievance_snapshots ADD COLUMN urgency text NOT NULL DEFAULT 'normal'`);
    await queryRunner.query(`ALTER TABLE tickets ADD COLUMN kind text NOT NULL DEFAULT 'hazard'`);
    await queryRunner.query(`ALTER TABLE tickets ADD COLUMN category text`);
    await queryRunner.query(`ALTER TABLE tickets ADD COLUMN urgency text NOT NULL DEFAULT 'normal'`);
    // Tickets opened before this migration take their facts from the snapshot where there is one.
    await queryRunner.query(`UPDATE tickets t SET category = s.category FROM grievance_snapshots s WHERE s.grievance_id = t.grievance_id`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE tickets DROP COLUMN urgency`);
    await queryRunner.query(`ALTER TABLE tickets DROP COLUMN category`);
    await queryRunner.query(`ALTER TABLE tickets DROP COLUMN kind`);
    await queryRunner.query(`ALTER TABLE grievance_snapshots DROP COLUMN urgency`);
  }
}
