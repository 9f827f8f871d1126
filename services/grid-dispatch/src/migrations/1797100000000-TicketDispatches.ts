import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every dispatch of a ticket becomes a row of its own (append-only), and a worker's "last
 * dispatched" is read from them instead of a column on grid_workers: a dispatch no longer
 * writes the worker's row, so dispatches in transactions side by side never wait on each
 * other, nor deadlock when one transaction dispatches in several streets. The rows also keep
 * who had a ticket before it lapsed.
 */
export class TicketDispatches1797100000000 implements MigrationInterface {
  name = 'TicketDispatches1797100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ticket_dispatches (
        ticket_id      uuid NOT NULL REFERENCES tickets (id),
        attempt        integer NOT NULL,
        grid_worker_id text NOT NULL,
        dispatched_at  timestamptz NOT NULL,
        PRIMARY KEY (ticket_id, attempt)
      )`);
    await queryRunner.query(`CREATE INDEX ticket_dispatches_worker_latest ON ticket_dispatches (grid_worker_id, dispatched_at DESC)`);
    await queryRunner.query(`
      INSERT INTO ticket_dispatches (ticket_id, attempt, grid_worker_id, dispatched_at)
      SELECT id, attempt, grid_worker_id, dispatched_at FROM tickets WHERE grid_worker_id IS NOT NULL AND dispatched_at IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE grid_workers DROP COLUMN last_dispatched_at`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE grid_workers ADD COLUMN last_dispatched_at timestamptz`);
    await queryRunner.query(`
      UPDATE grid_workers w SET last_dispatched_at = d.latest
        FROM (SELECT grid_worker_id, max(dispatched_at) AS latest FROM ticket_dispatches GROUP BY grid_worker_id) d
       WHERE d.grid_worker_id = w.id`);
    await queryRunner.query(`DROP TABLE ticket_dispatches`);
  }
}
