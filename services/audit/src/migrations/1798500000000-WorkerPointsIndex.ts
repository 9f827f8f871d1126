import { MigrationInterface, QueryRunner } from 'typeorm';

/** A worker's points movements across every chain (GET /v1/workers/:workerId/points) are found by the worker named in their payload. */
export class WorkerPointsIndex1798500000000 implements MigrationInterface {
  name = 'WorkerPointsIndex1798500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS audit_dossier_points_worker ON audit_dossier ((envelope->'payload'->>'workerId'), occurred_at)
        WHERE event_type IN ('points.awarded', 'points.redeemed', 'points.handed-over')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS audit_dossier_points_worker`);
  }
}
