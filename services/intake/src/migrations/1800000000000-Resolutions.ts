import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each resolution of a matter as intake's tracking view keeps it (from grievance.resolved.v1):
 * who resolved it, what they said, and the fix photos they attached, which the reporter and
 * the co-reporters are shown and may download. One row per event, so a redelivery adds nothing;
 * a GIN index finds the matters a photo was given as a fix for.
 */
export class Resolutions1800000000000 implements MigrationInterface {
  name = 'Resolutions1800000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS intake_resolutions (
        event_id        uuid        PRIMARY KEY,
        grievance_id    uuid        NOT NULL,
        resolved_at     timestamptz NOT NULL,
        resolved_by     jsonb       NOT NULL,
        resolution      text        NOT NULL,
        attachment_ids  jsonb       NOT NULL DEFAULT '[]'::jsonb
      )`);
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS intake_resolutions_grievance ON intake_resolutions (grievance_id, resolved_at DESC)`);
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS intake_resolutions_attachment_ids ON intake_resolutions USING gin (attachment_ids jsonb_path_ops)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS intake_resolutions`);
  }
}
