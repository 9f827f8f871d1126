import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A reporter may contest a grid worker's invalid verdict once: the ticket is checked again by
 * another grid worker, and keeps whose verdict was contested so that no dispatch (the first of
 * the second check, or one after a lapse) gives it back to them.
 */
export class ContestedTickets1798300000000 implements MigrationInterface {
  name = 'ContestedTickets1798300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE tickets ADD COLUMN IF NOT EXISTS contested_verdict_by text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE tickets DROP COLUMN IF EXISTS contested_verdict_by`);
  }
}
