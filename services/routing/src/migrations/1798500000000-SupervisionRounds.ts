import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Supervision (督办) with an owner and rounds: the supervising unit that owns it (the 两新工委, a
 * district's supervising office) and the round it is in (each missed follow-up deadline adds one).
 */
export class SupervisionRounds1798500000000 implements MigrationInterface {
  name = 'SupervisionRounds1798500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE routing_matters ADD COLUMN IF NOT EXISTS supervision_round integer NOT NULL DEFAULT 0, ADD COLUMN IF NOT EXISTS supervisor jsonb`);
    // An appeal already under supervision (grievance.supervised) is in its first round; a hazard
    // under supervision was referred to its supervising office, which holds it: no round.
    await queryRunner.query(`UPDATE routing_matters SET supervision_round = 1 WHERE under_supervision AND kind <> 'hazard' AND supervision_round = 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE routing_matters DROP COLUMN IF EXISTS supervision_round, DROP COLUMN IF EXISTS supervisor`);
  }
}
