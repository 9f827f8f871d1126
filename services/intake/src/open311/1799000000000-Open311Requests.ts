import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What an Open311 partner app posted beyond the grievance itself: which partner and which of its
 * accounts or devices (the reporter), and the media_url link; and an index for the public list
 * of hazards by date (GET /open311/v2/requests).
 */
export class Open311Requests1799000000000 implements MigrationInterface {
  name = 'Open311Requests1799000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS open311_requests (
        grievance_id  uuid        PRIMARY KEY,
        partner_id    text        NOT NULL,
        account_id    text,
        device_id     text,
        media_url     text,
        created_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS open311_requests_partner ON open311_requests (partner_id, created_at)`);
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS intake_grievances_hazards_by_date ON intake_grievances (submitted_at DESC, id DESC) WHERE kind = 'hazard'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS intake_grievances_hazards_by_date`);
    await queryRunner.query(`DROP TABLE IF EXISTS open311_requests`);
  }
}
