import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['directory_org_units', 'directory_departments', 'directory_categories', 'directory_category_routes', 'directory_fallback_owners'];

/**
 * Every directory entry gets a version (optimistic concurrency; each change publishes the
 * entry with it) and a retired flag (retired entries stay as history, unused for new work).
 * Grid workers and stations are org units of their own levels under a grid and a district.
 */
export class DirectoryVersions1797300000000 implements MigrationInterface {
  name = 'DirectoryVersions1797300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN version integer NOT NULL DEFAULT 1, ADD COLUMN retired boolean NOT NULL DEFAULT false`);
    }
    for (const table of ['directory_categories', 'directory_category_routes', 'directory_fallback_owners']) {
      await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['directory_categories', 'directory_category_routes', 'directory_fallback_owners']) {
      await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN updated_at`);
    }
    for (const table of TABLES) await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN version, DROP COLUMN retired`);
  }
}
