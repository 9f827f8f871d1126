import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff notifications (员工提醒): one row per holder and event that means new work or a
 * deadline for them, keyed by the holder's recipient key (grid_worker:<id>, department:<code>,
 * <level>:<unit>); a redelivered event writes nothing twice.
 */
export class StaffNotifications1798600000000 implements MigrationInterface {
  name = 'StaffNotifications1798600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS feedback_staff_notifications (
        id uuid PRIMARY KEY,
        recipient_key text NOT NULL,
        grievance_id uuid NOT NULL,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        message text NOT NULL,
        content jsonb NOT NULL,
        occurred_at timestamptz NOT NULL,
        read boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT feedback_staff_notifications_once UNIQUE (recipient_key, event_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS feedback_staff_notifications_newest ON feedback_staff_notifications (recipient_key, occurred_at DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS feedback_staff_notifications_unread ON feedback_staff_notifications (recipient_key) WHERE NOT read`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS feedback_staff_notifications`);
  }
}
