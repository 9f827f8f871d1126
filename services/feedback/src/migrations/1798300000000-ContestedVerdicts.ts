import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A reporter may contest a grid worker's invalid verdict once, within a window: the matter
 * keeps who gave the verdict and when, and the contest (its time and reason) once made.
 */
export class ContestedVerdicts1798300000000 implements MigrationInterface {
  name = 'ContestedVerdicts1798300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE feedback_matters
        ADD COLUMN IF NOT EXISTS rejected_by jsonb,
        ADD COLUMN IF NOT EXISTS rejected_at timestamptz,
        ADD COLUMN IF NOT EXISTS contested_at timestamptz,
        ADD COLUMN IF NOT EXISTS contest_reason text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE feedback_matters
        DROP COLUMN IF EXISTS contest_reason,
        DROP COLUMN IF EXISTS contested_at,
        DROP COLUMN IF EXISTS rejected_at,
        DROP COLUMN IF EXISTS rejected_by`);
  }
}
