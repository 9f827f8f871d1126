import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Grids and grid workers become this service's copy of routing's directory (applied from
 * directory.entry-changed.v1): each row keeps the version it was applied at and whether it
 * is retired; streets and communities are kept too, for a grid's street, district and
 * community name. A grid worker may arrive before their grid (the topic's keys are read
 * independently), so the worker no longer needs the grid's row to exist.
 */
export class DirectoryCopy1797300000000 implements MigrationInterface {
  name = 'DirectoryCopy1797300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE grids ADD COLUMN version integer NOT NULL DEFAULT 0, ADD COLUMN retired boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`
      ALTER TABLE grid_workers
        ADD COLUMN version integer NOT NULL DEFAULT 0,
        ADD COLUMN retired boolean NOT NULL DEFAULT false,
        ADD COLUMN part_time boolean NOT NULL DEFAULT false,
        DROP CONSTRAINT IF EXISTS grid_workers_grid_id_fkey`);
    await queryRunner.query(`
      CREATE TABLE directory_units (
        id         text PRIMARY KEY,
        kind       text NOT NULL,
        name       text NOT NULL,
        parent_id  text,
        version    integer NOT NULL,
        retired    boolean NOT NULL DEFAULT false
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE directory_units`);
    await queryRunner.query(`ALTER TABLE grid_workers DROP COLUMN version, DROP COLUMN retired, DROP COLUMN part_time`);
    await queryRunner.query(`ALTER TABLE grids DROP COLUMN version, DROP COLUMN retired`);
  }
}
