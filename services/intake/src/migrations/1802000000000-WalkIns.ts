import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Walk-ins (驿站代办): intake's copy of the directory's stations (from
 * directory.entry-changed.v1, kept at the version last applied), and one row per matter a
 * station's staff logged for a worker: the station, the staff member, the worker, the phone to
 * call them back on, and how and when the worker consented. A station's list reads it newest first.
 */
export class WalkIns1802000000000 implements MigrationInterface {
  name = 'WalkIns1802000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS intake_stations (
        id       text    PRIMARY KEY,
        name     text    NOT NULL,
        retired  boolean NOT NULL,
        version  integer NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS intake_walk_ins (
        grievance_id    uuid        PRIMARY KEY,
        station_id      text        NOT NULL,
        staff_id        text        NOT NULL,
        worker_id       text        NOT NULL,
        worker_phone    text,
        consent_method  text        NOT NULL,
        consent_at      timestamptz NOT NULL,
        logged_at       timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS intake_walk_ins_station ON intake_walk_ins (station_id, logged_at DESC, grievance_id DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS intake_walk_ins`);
    await queryRunner.query(`DROP TABLE IF EXISTS intake_stations`);
  }
}
