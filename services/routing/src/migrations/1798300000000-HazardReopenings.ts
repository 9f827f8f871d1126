import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How many times the reporter sent a hazard back (each an unsatisfied rating): the second goes
 * up to the district's supervising office instead of back to the same department.
 */
export class HazardReopenings1798300000000 implements MigrationInterface {
  name = 'HazardReopenings1798300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE routing_matters ADD COLUMN IF NOT EXISTS reopenings integer NOT NULL DEFAULT 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE routing_matters DROP COLUMN IF EXISTS reopenings`);
  }
}
