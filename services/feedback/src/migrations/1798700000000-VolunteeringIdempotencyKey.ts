import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A volunteering award may carry the Idempotency-Key the station's counter sent, so a double
 * tap or a retry after a lost answer awards once: one key per station.
 */
export class VolunteeringIdempotencyKey1798700000000 implements MigrationInterface {
  name = 'VolunteeringIdempotencyKey1798700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE feedback_points_ledger ADD COLUMN IF NOT EXISTS idempotency_key text`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX IF NOT EXISTS feedback_points_volunteering_once_per_key ON feedback_points_ledger (station_id, idempotency_key) WHERE idempotency_key IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS feedback_points_volunteering_once_per_key`);
    await queryRunner.query(`ALTER TABLE feedback_points_ledger DROP COLUMN IF EXISTS idempotency_key`);
  }
}
