import { MigrationInterface, QueryRunner } from 'typeorm';

/** The round of supervision (督办) a matter is in, as the tracking view shows it (0: none; each missed follow-up adds one). */
export class SupervisionRound1802500000000 implements MigrationInterface {
  name = 'SupervisionRound1802500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE intake_grievances ADD COLUMN IF NOT EXISTS supervision_round integer NOT NULL DEFAULT 0`);
    // An appeal under supervision had its grievance.supervised (round 1); a hazard's came from a referral, no round.
    await queryRunner.query(`UPDATE intake_grievances SET supervision_round = 1 WHERE under_supervision AND kind <> 'hazard' AND supervision_round = 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE intake_grievances DROP COLUMN IF EXISTS supervision_round`);
  }
}
