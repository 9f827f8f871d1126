import { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff notifications go to the partner webhook (NOTIFY_WEBHOOK_URL) too, as the reporters' do: pending, sent, failed, or off. */
export class StaffNotificationDelivery1798610000000 implements MigrationInterface {
  name = 'StaffNotificationDelivery1798610000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE feedback_staff_notifications ADD COLUMN IF NOT EXISTS delivery text NOT NULL DEFAULT 'off'`);
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS feedback_staff_notifications_pending ON feedback_staff_notifications (created_at) WHERE delivery = 'pending'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS feedback_staff_notifications_pending`);
    await queryRunner.query(`ALTER TABLE feedback_staff_notifications DROP COLUMN IF EXISTS delivery`);
  }
}
