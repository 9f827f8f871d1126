import { MigrationInterface, QueryRunner } from 'typeorm';

/** History lines keep their summary as a message (key and parameters), rendered in each reader's language. */
export class HistoryMessages1798000000000 implements MigrationInterface {
  name = 'HistoryMessages1798000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE intake_history ADD COLUMN IF NOT EXISTS message jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE intake_history DROP COLUMN IF EXISTS message`);
  }
}
