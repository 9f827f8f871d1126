import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Points can be spent (五入积分法): each station (驿站) keeps a catalogue of prizes and small
 * wishes (微心愿) with a cost and a stock; a worker's redemption debits the ledger with a
 * negative entry and waits for the staff's hand-over; station staff award volunteering points.
 * The ledger stays append-only; an entry that belongs to no matter has no grievance_id and
 * names its station (and its redemption, for a debit).
 */
export class StationCataloguesAndRedemptions1798400000000 implements MigrationInterface {
  name = 'StationCataloguesAndRedemptions1798400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS feedback_station_items (
        id          uuid        PRIMARY KEY,
        station_id  text        NOT NULL,
        name        text        NOT NULL,
        kind        text        NOT NULL CHECK (kind IN ('prize', 'wish')),
        cost        integer     NOT NULL CHECK (cost > 0),
        stock       integer     NOT NULL CHECK (stock >= 0),
        updated_by  text        NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS feedback_station_items_station ON feedback_station_items (station_id, created_at)`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS feedback_redemptions (
        id               uuid        PRIMARY KEY,
        worker_id        text        NOT NULL,
        station_id       text        NOT NULL,
        item_id          uuid        NOT NULL REFERENCES feedback_station_items (id),
        item_name        text        NOT NULL,
        kind             text        NOT NULL,
        cost             integer     NOT NULL,
        entry_id         uuid        NOT NULL,
        balance_after    integer     NOT NULL,
        idempotency_key  text        NOT NULL,
        state            text        NOT NULL CHECK (state IN ('awaiting_hand_over', 'handed_over')),
        handed_over_by   text,
        handed_over_at   timestamptz,
        created_at       timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT feedback_redemptions_once_per_key UNIQUE (worker_id, idempotency_key)
      )`);
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS feedback_redemptions_worker ON feedback_redemptions (worker_id, created_at DESC)`);
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS feedback_redemptions_station ON feedback_redemptions (station_id, state, created_at)`);
    await queryRunner.query(`
      ALTER TABLE feedback_points_ledger
        ALTER COLUMN grievance_id DROP NOT NULL,
        ADD COLUMN IF NOT EXISTS station_id text,
        ADD COLUMN IF NOT EXISTS redemption_id uuid,
        ADD COLUMN IF NOT EXISTS note text`);
    // The daily cap of volunteering points sums a worker's awards of one day.
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS feedback_points_volunteering ON feedback_points_ledger (worker_id, created_at) WHERE reason = 'volunteering'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS feedback_points_volunteering`);
    await queryRunner.query(`
      ALTER TABLE feedback_points_ledger
        DROP COLUMN IF EXISTS note,
        DROP COLUMN IF EXISTS redemption_id,
        DROP COLUMN IF EXISTS station_id`);
    await queryRunner.query(`DROP TABLE IF EXISTS feedback_redemptions`);
    await queryRunner.query(`DROP TABLE IF EXISTS feedback_station_items`);
  }
}
