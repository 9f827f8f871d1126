import { MigrationInterface, QueryRunner } from 'typeorm';

/** Grids, grid workers, tickets and the per-grievance snapshot of the report. */
export class GridDispatchSchema1763990000000 implements MigrationInterface {
  name = 'GridDispatchSchema1763990000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE grids (
        id              text PRIMARY KEY,
        name            text NOT NULL,
        community_id    text,
        community_name  text,
        street_id       text,
        district_id     text,
        polygon         jsonb NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX grids_community ON grids (community_id)`);
    await queryRunner.query(`CREATE INDEX grids_street ON grids (street_id)`);
    await queryRunner.query(`
      CREATE TABLE grid_workers (
        id                  text PRIMARY KEY,
        name                text NOT NULL,
        grid_id             text NOT NULL REFERENCES grids (id),
        phone               text,
        on_duty             boolean NOT NULL DEFAULT true,
        last_dispatched_at  timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX grid_workers_grid ON grid_workers (grid_id)`);
    await queryRunner.query(`
      CREATE TABLE grievance_snapshots (
        grievance_id  uuid PRIMARY KEY,
        tracking_no   text NOT NULL,
        kind          text NOT NULL,
        category      text NOT NULL,
        title         text NOT NULL,
        lat           double precision,
        lng           double precision,
        address       text,
        submitted_at  timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE tickets (
        id                 uuid PRIMARY KEY,
        grievance_id       uuid NOT NULL UNIQUE,
        grid_id            text NOT NULL,
        grid_worker_id     text,
        attempt            integer NOT NULL DEFAULT 1 CHECK (attempt >= 1),
        status             text NOT NULL CHECK (status IN ('undispatched', 'dispatched', 'accepted', 'verified')),
        accept_by          timestamptz,
        lapsed_worker_ids  text[] NOT NULL DEFAULT '{}',
        correlation_id     text NOT NULL,
        dispatched_at      timestamptz,
        accepted_at        timestamptz,
        verified_at        timestamptz,
        verdict            text,
        verify_note        text,
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX tickets_worker_open ON tickets (grid_worker_id) WHERE status IN ('dispatched', 'accepted')`);
    await queryRunner.query(`CREATE INDEX tickets_waiting ON tickets (grid_id) WHERE status = 'undispatched'`);
    await queryRunner.query(`
      CREATE TABLE dispatch_log (
        id         bigserial PRIMARY KEY,
        ticket_id  uuid NOT NULL,
        message    text NOT NULL,
        at         timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE dispatch_log`);
    await queryRunner.query(`DROP TABLE tickets`);
    await queryRunner.query(`DROP TABLE grievance_snapshots`);
    await queryRunner.query(`DROP TABLE grid_workers`);
    await queryRunner.query(`DROP TABLE grids`);
  }
}
