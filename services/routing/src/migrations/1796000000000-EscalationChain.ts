import { MigrationInterface, QueryRunner } from 'typeorm';

/** The escalation chain on routing's matters: the rung that owns an appeal, its path up the chain, returns and supervision; the members' round robin. */
export class EscalationChain1796000000000 implements MigrationInterface {
  name = 'EscalationChain1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE routing_matters
        ADD COLUMN level text,
        ADD COLUMN owner jsonb,
        ADD COLUMN chain jsonb NOT NULL DEFAULT '{}'::jsonb,
        ADD COLUMN bounces integer NOT NULL DEFAULT 0,
        ADD COLUMN under_supervision boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`CREATE INDEX routing_matters_rung_inbox ON routing_matters ((owner->>'id'), status, updated_at) WHERE owner IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE chain_member_cursors (
        branch_id  text PRIMARY KEY,
        turns      bigint NOT NULL DEFAULT 0
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE chain_member_cursors`);
    await queryRunner.query(`DROP INDEX routing_matters_rung_inbox`);
    await queryRunner.query(`
      ALTER TABLE routing_matters
        DROP COLUMN level, DROP COLUMN owner, DROP COLUMN chain, DROP COLUMN bounces, DROP COLUMN under_supervision`);
  }
}
