import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 五入积分法: a worker over the points threshold applies for a public-service benefit (入学,
 * 入医, 入职, 入托, 入网), which goes to the industry committee that owns them. Which committee
 * that is, is routing's fact: feedback keeps a copy of each worker's latest registration
 * (worker.registered.v1). One pending application per worker and kind.
 */
export class WorkerCommitteesAndBenefits1798500000000 implements MigrationInterface {
  name = 'WorkerCommitteesAndBenefits1798500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS feedback_worker_committees (
        worker_id      text        PRIMARY KEY,
        occupation     text        NOT NULL,
        branch_id      text,
        committee_id   text,
        registered_at  timestamptz NOT NULL,
        event_id       uuid        NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS feedback_benefit_applications (
        id               uuid        PRIMARY KEY,
        worker_id        text        NOT NULL,
        kind             text        NOT NULL CHECK (kind IN ('school', 'medical', 'job', 'childcare', 'network')),
        note             text,
        committee_id     text        NOT NULL,
        balance          integer     NOT NULL,
        state            text        NOT NULL CHECK (state IN ('pending', 'approved', 'refused')),
        decided_by       text,
        decision_reason  text,
        decided_at       timestamptz,
        created_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX IF NOT EXISTS feedback_benefit_one_pending ON feedback_benefit_applications (worker_id, kind) WHERE state = 'pending'`,
    );
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS feedback_benefit_worker ON feedback_benefit_applications (worker_id, created_at DESC)`);
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS feedback_benefit_committee ON feedback_benefit_applications (committee_id, state, created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS feedback_benefit_applications`);
    await queryRunner.query(`DROP TABLE IF EXISTS feedback_worker_committees`);
  }
}
