import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The feedback service's tables: its view of each matter (who reported it, who follows
 * it, where it stands, who resolved it), the notifications of each recipient, the ratings,
 * and the append-only points ledger (no balance column: a balance is always a SUM).
 */
export class CreateFeedbackTables1763950000000 implements MigrationInterface {
  name = 'CreateFeedbackTables1763950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE feedback_matters (
        grievance_id    uuid        PRIMARY KEY,
        tracking_no     text,
        title           text,
        reporter_id     text        NOT NULL,
        duplicate_of    uuid,
        status          text        NOT NULL,
        resolved_by     jsonb,
        resolution      text,
        resolved_at     timestamptz,
        resolution_no   integer     NOT NULL DEFAULT 0,
        rating          text,
        close_outcome   text,
        closed_at       timestamptz,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX feedback_matters_resolved_unrated ON feedback_matters (resolved_at) WHERE status = 'resolved'`);
    await queryRunner.query(`
      CREATE TABLE feedback_co_reporters (
        grievance_id       uuid        NOT NULL REFERENCES feedback_matters (grievance_id),
        reporter_id        text        NOT NULL,
        via_grievance_id   uuid        NOT NULL,
        created_at         timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (grievance_id, reporter_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE feedback_notifications (
        id              uuid        PRIMARY KEY,
        recipient_id    text        NOT NULL,
        grievance_id    uuid        NOT NULL,
        event_id        uuid        NOT NULL,
        event_type      text        NOT NULL,
        message         text        NOT NULL,
        read            boolean     NOT NULL DEFAULT false,
        delivery        text        NOT NULL DEFAULT 'pending',
        created_at      timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT feedback_notifications_once UNIQUE (recipient_id, event_id),
        CONSTRAINT feedback_notifications_delivery CHECK (delivery IN ('pending', 'sent', 'failed', 'off'))
      )`);
    await queryRunner.query(`CREATE INDEX feedback_notifications_inbox ON feedback_notifications (recipient_id, created_at DESC)`);
    await queryRunner.query(`CREATE INDEX feedback_notifications_pending ON feedback_notifications (created_at) WHERE delivery = 'pending'`);
    await queryRunner.query(`
      CREATE TABLE feedback_ratings (
        id              uuid        PRIMARY KEY,
        grievance_id    uuid        NOT NULL REFERENCES feedback_matters (grievance_id),
        reporter_id     text        NOT NULL,
        resolution_no   integer     NOT NULL,
        rating          text        NOT NULL,
        comment         text,
        created_at      timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT feedback_ratings_once_per_resolution UNIQUE (grievance_id, resolution_no),
        CONSTRAINT feedback_ratings_rating CHECK (rating IN ('satisfied', 'basically_satisfied', 'unsatisfied'))
      )`);
    await queryRunner.query(`
      CREATE TABLE feedback_points_ledger (
        id              uuid        PRIMARY KEY,
        worker_id       text        NOT NULL,
        points          integer     NOT NULL,
        reason          text        NOT NULL,
        grievance_id    uuid        NOT NULL,
        cause_event_id  uuid        NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT feedback_points_once_per_cause UNIQUE (worker_id, cause_event_id)
      )`);
    await queryRunner.query(`CREATE INDEX feedback_points_worker ON feedback_points_ledger (worker_id, created_at DESC)`);
    // Append-only: the ledger is corrected by new entries, never by editing old ones.
    await queryRunner.query(`
      CREATE FUNCTION feedback_points_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'feedback_points_ledger is append-only';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER feedback_points_ledger_no_change BEFORE UPDATE OR DELETE ON feedback_points_ledger
      FOR EACH ROW EXECUTE FUNCTION feedback_points_ledger_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE feedback_points_ledger`);
    await queryRunner.query(`DROP FUNCTION feedback_points_ledger_append_only()`);
    await queryRunner.query(`DROP TABLE feedback_ratings`);
    await queryRunner.query(`DROP TABLE feedback_notifications`);
    await queryRunner.query(`DROP TABLE feedback_co_reporters`);
    await queryRunner.query(`DROP TABLE feedback_matters`);
  }
}
