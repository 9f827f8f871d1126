import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 驻点: a grid worker may be posted at a station (驿站) (`station_id`, from the directory entry's
 * attributes.stationId), and a report's snapshot keeps the station it was logged at as a walk-in
 * (`logged_at_station_id`), so that the station's own grid worker, while on duty, checks it first.
 */
export class StationDuty1799200000000 implements MigrationInterface {
  name = 'StationDuty1799200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE grid_workers ADD COLUMN IF NOT EXISTS station_id text`);
    await queryRunner.query(`ALTER TABLE grievance_snapshots ADD COLUMN IF NOT EXISTS logged_at_station_id text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE grievance_snapshots DROP COLUMN IF EXISTS logged_at_station_id`);
    await queryRunner.query(`ALTER TABLE grid_workers DROP COLUMN IF EXISTS station_id`);
  }
}
