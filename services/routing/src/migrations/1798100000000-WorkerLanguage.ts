import { MigrationInterface, QueryRunner } from 'typeorm';

/** A worker's registration says which language they read (PUT /v1/workers/me {language}). */
export class WorkerLanguage1798100000000 implements MigrationInterface {
  name = 'WorkerLanguage1798100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE worker_registrations ADD COLUMN IF NOT EXISTS language text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE worker_registrations DROP COLUMN IF EXISTS language`);
  }
}
