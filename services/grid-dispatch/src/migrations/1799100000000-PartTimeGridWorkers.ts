import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 兼职网格员: a part-time grid worker may be a registered worker (a rider or courier) of the
 * directory (`worker_id`, their account id). A report's snapshot keeps who handed it in as
 * themself (`reported_by`) and its photos, so that such a grid worker's own report in their grid
 * counts as the on-site check.
 */
export class PartTimeGridWorkers1799100000000 implements MigrationInterface {
  name = 'PartTimeGridWorkers1799100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE grid_workers ADD COLUMN IF NOT EXISTS worker_id text`);
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS grid_workers_worker_id ON grid_workers (worker_id) WHERE worker_id IS NOT NULL`);
    await queryRunner.query(`
      ALTER TABLE grievance_snapshots
        ADD COLUMN IF NOT EXISTS reported_by text,
        ADD COLUMN IF NOT EXISTS attachment_ids text[] NOT NULL DEFAULT '{}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE grievance_snapshots DROP COLUMN IF EXISTS reported_by, DROP COLUMN IF EXISTS attachment_ids`);
    await queryRunner.query(`DROP INDEX IF EXISTS grid_workers_worker_id`);
    await queryRunner.query(`ALTER TABLE grid_workers DROP COLUMN IF EXISTS worker_id`);
  }
}
