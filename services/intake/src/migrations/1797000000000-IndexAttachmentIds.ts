import { MigrationInterface, QueryRunner } from 'typeorm';

/** Serving a photo to a holder finds the matters it belongs to by `attachment_ids @> [id]`: a GIN index keeps that a lookup, not a scan of every matter. */
export class IndexAttachmentIds1797000000000 implements MigrationInterface {
  name = 'IndexAttachmentIds1797000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS intake_grievances_attachment_ids ON intake_grievances USING gin (attachment_ids jsonb_path_ops)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS intake_grievances_attachment_ids`);
  }
}
