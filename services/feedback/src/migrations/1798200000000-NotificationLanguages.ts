import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications are kept as messages (key and parameters) and rendered in the reader's
 * language: the inbox in the Accept-Language of the request, the webhook in the language
 * each reporter reads (from their registration, or the Accept-Language of their submissions).
 */
export class NotificationLanguages1798200000000 implements MigrationInterface {
  name = 'NotificationLanguages1798200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE feedback_notifications ADD COLUMN IF NOT EXISTS content jsonb`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS feedback_reporter_languages (
        reporter_id  text PRIMARY KEY,
        language     text NOT NULL,
        updated_at   timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS feedback_reporter_languages`);
    await queryRunner.query(`ALTER TABLE feedback_notifications DROP COLUMN IF EXISTS content`);
  }
}
