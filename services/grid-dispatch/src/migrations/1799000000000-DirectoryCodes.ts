import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Categories and departments join this service's copy of routing's directory (applied from
 * directory.entry-changed.v1, by version): a grid worker who corrects a report's category or
 * department at the on-site check names one the directory knows.
 */
export class DirectoryCodes1799000000000 implements MigrationInterface {
  name = 'DirectoryCodes1799000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS directory_codes (
        kind     text NOT NULL,
        code     text NOT NULL,
        name     text NOT NULL,
        version  integer NOT NULL,
        retired  boolean NOT NULL DEFAULT false,
        PRIMARY KEY (kind, code)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS directory_codes`);
  }
}
